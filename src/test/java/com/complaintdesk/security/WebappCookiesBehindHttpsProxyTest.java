package com.complaintdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Behind a TLS-terminating reverse proxy that says so in X-Forwarded-Proto, with Tomcat told to believe it
 * (server.forward-headers-strategy=native, as production sets it), the session cookie of a webapp login is
 * Secure: Tomcat marks it so on every request it sees as HTTPS. A context of its own, with its own engine name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "server.forward-headers-strategy=native",
    "camunda.bpm.process-engine-name=httpsProxyTest"})
@ActiveProfiles("test")
class WebappCookiesBehindHttpsProxyTest {

  @LocalServerPort int port;

  @Test
  void theSessionCookieOfAWebappLoginOverHttpsIsSecureHttpOnlyAndSameSite() {
    var browser = new WebappBrowser(port, "httpsProxyTest", "X-Forwarded-Proto", "https");

    var login = browser.logIn("agent", "demo");

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(WebappBrowser.setCookie(login, "JSESSIONID")).hasValueSatisfying(cookie -> assertThat(cookie)
        .containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
  }
}
