package io.gogidix.${{ values.answers.name | replace("-", "") }};

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureObservability
class InfoControllerTest {
  @Autowired private MockMvc mvc;

  @Test
  void servesItsInfo() throws Exception {
    mvc.perform(get("/v1/info"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.service").value("${{ values.name }}"));
  }

  @Test
  void answersTheKubeletProbes() throws Exception {
    mvc.perform(get("/livez")).andExpect(status().isOk());
    mvc.perform(get("/readyz")).andExpect(status().isOk());
  }

  @Test
  void exposesRequestMetricsForTheSlos() throws Exception {
    mvc.perform(get("/v1/info"));
    mvc.perform(get("/actuator/prometheus"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("http_server_requests_seconds_count{")))
        .andExpect(content().string(containsString("service=\"${{ values.name }}\"")));
  }
}
