package fr.encaisse.portal;

import fr.encaisse.support.MutableClock;
import fr.encaisse.support.OnH2;
import org.springframework.context.annotation.Import;

@OnH2
@Import(MutableClock.Replacing.class)
class PortalOnH2Tests extends PortalContract {
}
