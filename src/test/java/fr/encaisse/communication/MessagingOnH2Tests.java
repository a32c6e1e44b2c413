package fr.encaisse.communication;

import fr.encaisse.support.OnH2;

@OnH2
class MessagingOnH2Tests extends MessagingContract {
}
