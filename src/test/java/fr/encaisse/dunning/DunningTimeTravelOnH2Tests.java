package fr.encaisse.dunning;

import fr.encaisse.support.OnH2;

@OnH2
class DunningTimeTravelOnH2Tests extends DunningTimeTravelContract {
}
