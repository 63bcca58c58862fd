package com.complaintdesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real port with an in-memory database and no job executor. Every test class
 * with this annotation shares one Spring context (one engine), so the suite stays fast; camunda-bpm-assert
 * works on that engine, and the engine clock is real time again after each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ProcessDriver.class)
@ExtendWith(EngineTestSupport.class)
public @interface ComplaintDeskTest {
}
