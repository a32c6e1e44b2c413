package fr.encaisse.imports;

import fr.encaisse.support.OnH2;

@OnH2
class AccountingExportOnH2Tests extends AccountingExportContract {
}
