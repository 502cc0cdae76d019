package io.gogidix.${{ values.answers.name | replace("-", "") }};

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What this service is and which version runs (see openapi.yaml). */
@RestController
public class InfoController {
  private final String name;

  public InfoController(@Value("${spring.application.name}") String name) {
    this.name = name;
  }

  @GetMapping("/v1/info")
  public Map<String, String> info() {
    String version = getClass().getPackage().getImplementationVersion();
    return Map.of("service", name, "version", version == null ? "dev" : version);
  }
}
