package fr.encaisse.imports;

import fr.encaisse.support.OnPostgres;

@OnPostgres
class CsvProfileOnPostgresTests extends CsvProfileContract {
}
