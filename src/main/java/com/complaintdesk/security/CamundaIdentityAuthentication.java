package com.complaintdesk.security;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * Checks staff credentials against the engine's identity service, so that our API, Tasklist and the engine
 * REST API know the same users; each Camunda group becomes an authority {@code GROUP_<id>}.
 */
@Component
public class CamundaIdentityAuthentication implements AuthenticationProvider {

  private static final String GROUP_PREFIX = "GROUP_";

  private final IdentityService identityService;

  public CamundaIdentityAuthentication(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object password = authentication.getCredentials();
    if (user == null || password == null || !identityService.checkPassword(user, password.toString())) {
      throw new BadCredentialsException("Wrong user name or password");
    }
    List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(user).list().stream()
        .map(group -> new SimpleGrantedAuthority(authority(group.getId())))
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  /** The authority that stands for membership of a Camunda group. */
  public static String authority(String groupId) {
    return GROUP_PREFIX + groupId;
  }

  /** The Camunda groups of an authenticated caller, from its authorities. */
  public static List<String> groupsOf(Authentication caller) {
    return caller.getAuthorities().stream()
        .map(authority -> authority.getAuthority())
        .filter(authority -> authority.startsWith(GROUP_PREFIX))
        .map(authority -> authority.substring(GROUP_PREFIX.length()))
        .toList();
  }

  /** Whether the caller (null: nobody) is a member of one of the groups. */
  public static boolean isMemberOfAny(Authentication caller, Collection<String> groups) {
    return caller != null && groupsOf(caller).stream().anyMatch(groups::contains);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
