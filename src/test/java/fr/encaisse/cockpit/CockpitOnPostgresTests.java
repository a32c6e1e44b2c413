package fr.encaisse.cockpit;

import fr.encaisse.support.OnPostgres;

@OnPostgres
class CockpitOnPostgresTests extends CockpitContract {
}
