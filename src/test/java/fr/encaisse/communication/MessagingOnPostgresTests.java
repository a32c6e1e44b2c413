package fr.encaisse.communication;

import fr.encaisse.support.OnPostgres;

@OnPostgres
class MessagingOnPostgresTests extends MessagingContract {
}
