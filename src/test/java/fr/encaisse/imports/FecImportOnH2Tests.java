package fr.encaisse.imports;

import fr.encaisse.support.OnH2;

@OnH2
class FecImportOnH2Tests extends FecImportContract {
}
