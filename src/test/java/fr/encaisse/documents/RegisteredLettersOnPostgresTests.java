package fr.encaisse.documents;

import fr.encaisse.support.OnPostgres;

@OnPostgres
class RegisteredLettersOnPostgresTests extends RegisteredLettersContract {
}
