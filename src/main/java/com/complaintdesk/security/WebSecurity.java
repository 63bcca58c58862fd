package com.complaintdesk.security;

import com.complaintdesk.complaint.Catalogue;
import com.complaintdesk.config.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Who may call what over HTTP. Staff intake is HTTP Basic and stateless (integrations call it too); its one
 * triage action, undoing a duplicate link made at intake, shares the login. The
 * engine REST API authenticates with the engine's own filter and authorizations, the webapps with their own
 * login and CSRF protection; the complainant's API authenticates each call by tracking number and token.
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurity {

  private static final String UNLINK_SUFFIX = "/unlink";
  /** Where the API of our Cockpit plugins lives: below the webapps' path, where the plugins find it. */
  public static final String COCKPIT_PLUGIN_API = "/camunda/complaint-desk/api";

  @Bean
  @Order(1)
  SecurityFilterChain staffIntake(HttpSecurity http, ProblemResponses problems) throws Exception {
    http.securityMatcher("/api/intake/**", "/api/intake")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.POST, "/api/intake/*" + UNLINK_SUFFIX)
            .hasAuthority(CamundaIdentityAuthentication.authority(StaffGroups.TRIAGE))
            .anyRequest().hasAuthority(CamundaIdentityAuthentication.authority(StaffGroups.INTAKE)));
    return statelessBasic(http, problems,
        "Log in with HTTP Basic as a member of the intake group (the triage group to unlink a submission).",
        request -> request.getRequestURI().endsWith(UNLINK_SUFFIX)
            ? "Only members of the triage group may unlink a submission from an open complaint."
            : "Only members of the intake group may hand in complaints here.");
  }

  /**
   * The dashboard's figures for BI tools: HTTP Basic and stateless like the staff intake, for the groups that read
   * every complaint (and administrators); read-only, so no CSRF token is needed.
   */
  @Bean
  @Order(2)
  SecurityFilterChain analyticsApi(HttpSecurity http, ProblemResponses problems) throws Exception {
    http.securityMatcher("/api/analytics/**")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.GET, "/api/analytics/**").hasAnyAuthority(readersAndAdmins())
            .anyRequest().denyAll());
    return statelessBasic(http, problems, "Log in with HTTP Basic as a complaint manager, auditor or administrator.",
        request -> "Only complaint managers, auditors and administrators may read the figures.");
  }

  /** HTTP Basic without a session or CSRF token (integrations call it), its 401 and 403 as problem details. */
  private static SecurityFilterChain statelessBasic(HttpSecurity http, ProblemResponses problems, String login,
      Function<HttpServletRequest, String> refusal) throws Exception {
    AuthenticationEntryPoint askForLogin = (request, response, failure) -> {
      var headers = new HttpHeaders();
      headers.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"complaint-desk\"");
      problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, login), headers);
    };
    AccessDeniedHandler refuse = (request, response, denied) -> problems.write(request, response,
        ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refusal.apply(request)), new HttpHeaders());
    return http
        .httpBasic(basic -> basic.realmName("complaint-desk").authenticationEntryPoint(askForLogin))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(askForLogin).accessDeniedHandler(refuse))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /**
   * The read-only API of our Cockpit plugins (the auditors' history views): whoever is logged in to Cockpit calls
   * it with that session; the endpoints check the engine's READ_HISTORY grant themselves. Its 401 and 403 are
   * problem details the plugins show.
   */
  @Bean
  @Order(3)
  SecurityFilterChain cockpitPlugins(HttpSecurity http, ProblemResponses problems, CamundaBpmProperties camunda)
      throws Exception {
    AuthenticationEntryPoint askForLogin = (request, response, failure) -> problems.write(request, response,
        ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Log in to Cockpit first."), new HttpHeaders());
    return http.securityMatcher(COCKPIT_PLUGIN_API + "/**")
        .addFilterBefore(new WebappSessionAuthentication(camunda.getProcessEngineName(), "cockpit"),
            AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.GET, COCKPIT_PLUGIN_API + "/**").authenticated()
            .anyRequest().denyAll())
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(askForLogin)
            .accessDeniedHandler((request, response, denied) -> problems.write(request, response,
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "This API only reads."), new HttpHeaders())))
        // The session is Cockpit's: Spring Security neither stores anything in it nor renews its id (which would
        // log out Cockpit's calls in flight), and keeps the caller for this request only.
        .sessionManagement(AbstractHttpConfigurer::disable)
        .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .requestCache(cache -> cache.disable())
        // read-only: the Cockpit session's own CSRF protection guards the webapps' changes
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /**
   * Staff pages (the dashboard, the outbox): a session after a login form, or the login of Tasklist or Cockpit in the
   * same session, with Spring Security's CSRF token on every form.
   * They show complainants' addresses and texts, so only the groups that read every complaint see them, and
   * only complaint managers and administrators act on them. The summary of a complaint (no contact details, no
   * history; the similar complaints in task forms link to it) is for everyone who handles complaints too. Only
   * complaint managers start improvement actions from the dashboard.
   */
  @Bean
  @Order(4)
  SecurityFilterChain staffPages(HttpSecurity http, Catalogue catalogue, CamundaBpmProperties camunda)
      throws Exception {
    String[] readers = readersAndAdmins();
    return http.securityMatcher("/staff/**")
        // whoever is logged in to Tasklist or Cockpit needs no second login (a link from a task form)
        .addFilterBefore(new WebappSessionAuthentication(camunda.getProcessEngineName(), "tasklist", "cockpit"),
            AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/staff/login").permitAll()
            .requestMatchers(HttpMethod.POST, "/staff/outbox/*/retry")
            .hasAnyAuthority(authorities(StaffGroups.notificationRetriers().stream()))
            .requestMatchers(HttpMethod.POST, "/staff/dashboard/improvement-actions")
            .hasAuthority(CamundaIdentityAuthentication.authority(StaffGroups.COMPLAINT_MANAGERS))
            .requestMatchers(HttpMethod.GET, "/staff/complaints/*/summary")
            .hasAnyAuthority(authorities(Stream.of(StaffGroups.readers().stream(),
                Stream.of(StaffGroups.CAMUNDA_ADMIN, StaffGroups.INTAKE, StaffGroups.TRIAGE),
                catalogue.departments().stream().flatMap(department -> Stream.of(department.group(),
                    department.leadsGroup()))).flatMap(groups -> groups)))
            .anyRequest().hasAnyAuthority(readers))
        .formLogin(form -> form.loginPage("/staff/login").defaultSuccessUrl("/staff/dashboard"))
        .logout(logout -> logout.logoutUrl("/staff/logout").logoutSuccessUrl("/staff/login?logout"))
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .build();
  }

  private static String[] readersAndAdmins() {
    return authorities(StaffGroups.readersAndAdmins().stream());
  }

  /** Camunda groups as the authorities CamundaIdentityAuthentication gives a user. */
  static String[] authorities(Stream<String> groups) {
    return groups.map(CamundaIdentityAuthentication::authority).toArray(String[]::new);
  }

  @Bean
  @Order(5)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            // Admin's initial set-up creates an administrator for anybody while none exists: never offered.
            .requestMatchers("/camunda/api/admin/setup/**", "/camunda/app/admin/*/setup/**").denyAll()
            .requestMatchers("/engine-rest/**", "/camunda/**", "/api/**", "/actuator/health", "/error").permitAll()
            .requestMatchers("/", "/favicon.ico", "/camunda-welcome", "/css/**", "/complaints/**").permitAll()
            // libraries of the staff pages (the dashboard's charts): public code, served from the app, no CDN
            .requestMatchers(HttpMethod.GET, "/webjars/**").permitAll()
            // the OpenAPI description of our JSON API, for client generators
            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
            .anyRequest().denyAll())
        // The JSON API takes no cookies; the webapps and engine REST API bring their own CSRF protection.
        // The public pages' forms carry Spring Security's CSRF token.
        .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/engine-rest/**", "/camunda/**"))
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .build();
  }
}
