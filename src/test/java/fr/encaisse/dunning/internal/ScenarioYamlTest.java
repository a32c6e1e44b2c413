package fr.encaisse.dunning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.encaisse.communication.Channel;
import fr.encaisse.dunning.Scenario;
import fr.encaisse.dunning.Stage;
import fr.encaisse.dunning.Step;
import fr.encaisse.dunning.StepMode;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioYamlTest {

    static Scenario bundled() throws IOException {
        try (var in = ScenarioYamlTest.class.getClassLoader().getResourceAsStream(ScenarioService.DEFAULT_RESOURCE)) {
            return ScenarioYaml.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)).get(0);
        }
    }

    @Test
    void the_default_french_scenario_has_the_seven_steps_of_the_brief() throws IOException {
        Scenario s = bundled();
        assertThat(s.steps()).extracting(Step::offsetDays).containsExactly(-5, 3, 10, 15, 30, 60, 120);
        assertThat(s.steps()).extracting(Step::code)
                .containsExactly("courtesy", "reminder", "call", "penalty-letter", "formal-notice", "amicable", "judicial");
        Step notice = s.steps().get(4);
        assertThat(notice.channels()).containsExactly(Channel.REGISTERED_LETTER, Channel.EMAIL);
        assertThat(notice.deadlineDays()).isEqualTo(8);
        assertThat(notice.stage()).isEqualTo(Stage.FORMAL_NOTICE);
        assertThat(notice.mode()).isEqualTo(StepMode.APPROVAL);
        assertThat(s.steps().get(2).channels()).containsExactly(Channel.CALL_TASK);
        assertThat(s.isDefault()).isTrue();
    }

    @Test
    void writing_then_reading_gives_the_same_scenarios() throws IOException {
        Scenario vip = new Scenario(null, "VIP", fr.encaisse.dunning.Grouping.PER_INVOICE, 7, false, List.of(
                new Step("soft", 5, List.of(Channel.EMAIL), "reminder", Stage.REMINDER,
                        new fr.encaisse.dunning.StepConditions(new BigDecimal("250.00"), java.util.Set.of("vip"),
                                java.util.Set.of("A"), java.util.Set.of(DebtorKind.B2B)), StepMode.APPROVAL, null)));
        String yaml = ScenarioYaml.write(List.of(bundled(), vip));
        assertThat(yaml).contains("scenarios:").contains("minOpenAmount: '250.00'");
        assertThat(ScenarioYaml.read(yaml)).containsExactly(bundled(), vip);
        assertThat(ScenarioYaml.read(ScenarioYaml.write(List.of(vip)))).containsExactly(vip);
    }

    @Test
    void every_problem_of_a_document_is_reported_with_its_path() {
        String yaml = """
                name: Broken
                grouping: SIDEWAYS
                steps:
                  - code: a
                    offset: soon
                    channels: [EMAIL, PIGEON]
                    template: reminder
                    stage: REMINDER
                    colour: red
                """;
        assertThatThrownBy(() -> ScenarioYaml.read(yaml)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                        "grouping", "steps[0].offset", "steps[0].channels[1]", "steps[0].colour"));
        assertThatThrownBy(() -> ScenarioYaml.read("name: [unclosed")).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems().get(0).field()).isEqualTo("yaml"));
    }
}
