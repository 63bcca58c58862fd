package com.complaintdesk.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what over HTTP. Staff intake is HTTP Basic and stateless (integrations call it too). The
 * engine REST API authenticates with the engine's own filter and authorizations, the webapps with their own
 * login and CSRF protection; the complainant's API authenticates each call by tracking number and token.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

  @Bean
  @Order(1)
  SecurityFilterChain staffIntake(HttpSecurity http) throws Exception {
    return http.securityMatcher("/api/intake/**", "/api/intake")
        .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority("GROUP_" + StaffGroups.INTAKE))
        .httpBasic(basic -> basic.realmName("complaint-desk"))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/engine-rest/**", "/camunda/**", "/api/**", "/actuator/health", "/error").permitAll()
            .requestMatchers("/", "/favicon.ico", "/camunda-welcome", "/css/**", "/complaints/**").permitAll()
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
