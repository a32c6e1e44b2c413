package fr.encaisse.portal.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The portal's own door, before the cockpit's: no login (the link is the credential, checked by the
 * controller, which then acts as the link's tenant), no session, forms protected by a CSRF token kept
 * in an HTTP-only cookie scoped to {@code /portal}. A cockpit user's login is neither read nor used
 * here. The token is in the URL, so no page ever sends a Referer elsewhere.
 */
@Configuration
@ConditionalOnWebApplication
class PortalSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain portal(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository csrf = new CookieCsrfTokenRepository();
        csrf.setCookieName("PORTAL-XSRF-TOKEN");
        csrf.setCookiePath("/portal");
        http.securityMatcher("/portal/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.csrfTokenRepository(csrf))
                .securityContext(s -> s.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
