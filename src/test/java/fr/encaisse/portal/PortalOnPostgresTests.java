package fr.encaisse.portal;

import fr.encaisse.support.MutableClock;
import fr.encaisse.support.OnPostgres;
import org.springframework.context.annotation.Import;

@OnPostgres
@Import(MutableClock.Replacing.class)
class PortalOnPostgresTests extends PortalContract {
}
