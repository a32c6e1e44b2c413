package fr.encaisse.tenancy;

import fr.encaisse.support.OnH2;

@OnH2
class TenantIsolationOnH2Tests extends TenantIsolationContract {
}
