package com.complaintdesk.config;

import com.complaintdesk.complaint.Catalogue;
import com.complaintdesk.complaint.Channel;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of our JSON API at {@code /v3/api-docs} (the UI at {@code /swagger-ui.html}): what
 * the API is for and the staff's HTTP Basic login. Operations and schemas come from the controllers;
 * {@link ApiOperationDocumentation} adds what the operations of a kind share.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String STAFF_LOGIN = "staffLogin";
  static final String CHANNEL_SIGNATURE = "channelSignature";
  static final String ANALYTICS_LOGIN = "analyticsLogin";

  @Bean
  OpenAPI complaintDeskApi(PublicApiProperties limits) {
    return new OpenAPI()
        .info(new Info()
            .title("complaint-desk API")
            .version("1")
            .description(description(limits)))
        .components(new Components()
            .addSecuritySchemes(STAFF_LOGIN, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("basic")
                .description("A staff user of the `intake` group, or an integration's technical user in it."))
            .addSecuritySchemes(ANALYTICS_LOGIN, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("basic")
                .description("A complaint manager, auditor or administrator (the dashboard's readers)."))
            .addSecuritySchemes(CHANNEL_SIGNATURE, new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name("X-Signature")
                .description("`X-Signature: sha256=<hex>`, the HMAC-SHA256 of `<X-Timestamp>.<raw body>` keyed with"
                    + " the channel's secret (`complaint-desk.channels.webhooks.<channel>.secret`), and"
                    + " `X-Timestamp: <Unix seconds>`, at most 5 minutes off our clock.")));
  }

  @Bean
  OpenApiCustomizer apiOperationDocumentation(PublicApiProperties limits) {
    return new ApiOperationDocumentation(limits);
  }

  /** Both requests share the Channel enum, but each endpoint takes only its own channels. */
  @Bean
  OpenApiCustomizer channelsPerEndpoint() {
    return openApi -> {
      var schemas = openApi.getComponents().getSchemas();
      allowChannels(schemas.get("SubmitComplaintRequest"), false);
      allowChannels(schemas.get("StaffIntakeRequest"), true);
    };
  }

  /** The declared types come from the catalogue, not from a Java type, so the document lists them from there. */
  @Bean
  @SuppressWarnings("unchecked")
  OpenApiCustomizer declaredTypesFromCatalogue(Catalogue catalogue) {
    return openApi -> {
      var declaredType = (Schema<String>) openApi.getComponents().getSchemas().get("SubmitComplaintRequest")
          .getProperties().get("declaredType");
      declaredType.setEnum(catalogue.choosableCategoryIds());
      declaredType.setDescription("What the complaint is about, as the complainant sees it; optional");
    };
  }

  @SuppressWarnings("unchecked")
  private static void allowChannels(Schema<?> request, boolean capturedByStaff) {
    var channel = (Schema<String>) request.getProperties().get("channel");
    channel.setEnum(Arrays.stream(Channel.values()).filter(value -> value.isCapturedByStaff() == capturedByStaff)
        .map(Channel::name).toList());
  }

  private static String description(PublicApiProperties limits) {
    return """
        Complaints and feedback for the platform.

        **Complainants** submit a complaint from the web form or the app (`POST /api/complaints`, with an \
        `Idempotency-Key` so that a retry never files it twice) and get a tracking number and a secret access \
        token. With both (the token in the `X-Access-Token` header) they follow its status, answer the \
        satisfaction survey and withdraw it.

        **Staff and integrations** (HTTP Basic, group `intake`) hand in complaints that arrived by email, \
        hotline, social media or survey (`POST /api/intake`).

        **Channels**: social-media tools, chat bots and survey tools post signed messages \
        (`POST /api/channels/{channel}/messages`, headers `X-Timestamp` and `X-Signature`) that become \
        complaints, or answer a complaint's survey; each message id is taken once.

        Every error is an RFC 9457 problem detail (`application/problem+json`); invalid requests list the \
        wrong fields in `errors`. Request bodies may be at most %s; one client address may make %s to \
        `/api/complaints/**`.
        """.formatted(RequestBodyTooLarge.readable(limits.maxBodySize()),
        limits.rateLimited() ? limits.rateLimitPerMinute() + " requests a minute" : "any number of requests");
  }
}
