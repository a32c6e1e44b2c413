package fr.encaisse.documents;

import fr.encaisse.support.OnH2;

@OnH2
class RegisteredLettersOnH2Tests extends RegisteredLettersContract {
}
