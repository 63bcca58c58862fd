package com.complaintdesk.config;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The public pages speak English or Simplified Chinese: what the browser asks for (Accept-Language), until
 * the user picks a language with the switch ({@code ?lang=zh-CN}), which a cookie then remembers.
 */
@Configuration(proxyBeanMethods = false)
class PublicPageLocale implements WebMvcConfigurer {

  static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

  @Bean
  LocaleResolver localeResolver() {
    var fromBrowser = new AcceptHeaderLocaleResolver();
    fromBrowser.setSupportedLocales(SUPPORTED);
    fromBrowser.setDefaultLocale(Locale.ENGLISH);
    var resolver = new CookieLocaleResolver("complaint-desk-lang") {
      @Override
      public Locale resolveLocale(HttpServletRequest request) {
        return supportedOr(super.resolveLocale(request), fromBrowser.resolveLocale(request));
      }
    };
    resolver.setDefaultLocaleFunction(fromBrowser::resolveLocale);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    var change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change).addPathPatterns("/", "/complaints/**");
  }

  private static Locale supportedOr(Locale wanted, Locale fallback) {
    return SUPPORTED.stream()
        .filter(locale -> locale.getLanguage().equals(wanted.getLanguage()))
        .findFirst()
        .orElse(fallback);
  }
}
