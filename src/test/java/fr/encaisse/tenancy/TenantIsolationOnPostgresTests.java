package fr.encaisse.tenancy;

import fr.encaisse.support.OnPostgres;

@OnPostgres
class TenantIsolationOnPostgresTests extends TenantIsolationContract {
}
