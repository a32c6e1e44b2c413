package fr.encaisse.documents;

import fr.encaisse.support.OnPostgres;

@OnPostgres
class LettersOnPostgresTests extends LettersContract {
}
