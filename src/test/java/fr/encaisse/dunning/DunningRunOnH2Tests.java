package fr.encaisse.dunning;

import fr.encaisse.support.OnH2;

@OnH2
class DunningRunOnH2Tests extends DunningRunContract {
}
