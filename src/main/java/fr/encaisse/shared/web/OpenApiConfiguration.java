package fr.encaisse.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and its one security scheme: the tenant's API key. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI encaisseOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Encaisse API").version("v1")
                        .description("Receivables ledger, imports and evidence journal of one creditor (tenant), "
                                + "chosen by the API key. Errors are RFC 9457 problem details naming the field at fault."))
                .components(new Components().addSecuritySchemes("apiKey",
                        new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
