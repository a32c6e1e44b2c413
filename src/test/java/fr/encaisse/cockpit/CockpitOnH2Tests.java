package fr.encaisse.cockpit;

import fr.encaisse.support.OnH2;

@OnH2
class CockpitOnH2Tests extends CockpitContract {
}
