package fr.encaisse.recovery;

import fr.encaisse.support.OnPostgres;

@OnPostgres
class RecoveryOnPostgresTests extends RecoveryContract {
}
