package fr.encaisse.dunning.internal;

import fr.encaisse.communication.Channel;
import fr.encaisse.dunning.Grouping;
import fr.encaisse.dunning.Scenario;
import fr.encaisse.dunning.Stage;
import fr.encaisse.dunning.Step;
import fr.encaisse.dunning.StepConditions;
import fr.encaisse.dunning.StepMode;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Scenarios as YAML (SnakeYAML, safe loading only: plain maps and lists). Read problems name their
 * path ({@code steps[2].offset}); the model's own rules are checked afterwards by the service.
 */
final class ScenarioYaml {

    private ScenarioYaml() {
    }

    static List<Scenario> read(String text) {
        Object doc;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            doc = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            throw new InvalidInputException(new FieldProblem(e.getProblemMark() == null ? null : e.getProblemMark().getLine() + 1,
                    "yaml", null, e.getProblem()));
        } catch (YAMLException e) {
            throw InvalidInputException.of("yaml", e.getMessage());
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Scenario> result = new ArrayList<>();
        if (doc instanceof Map<?, ?> map && map.containsKey("scenarios")) {
            if (!(map.get("scenarios") instanceof List<?> list)) {
                throw InvalidInputException.of("scenarios", "must be a list");
            }
            for (int i = 0; i < list.size(); i++) {
                result.add(scenario(list.get(i), "scenarios[" + i + "].", problems));
            }
        } else {
            result.add(scenario(doc, "", problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The YAML does not describe valid scenarios", problems);
        }
        return result;
    }

    private static Scenario scenario(Object node, String path, List<FieldProblem> problems) {
        if (!(node instanceof Map<?, ?> m)) {
            problems.add(FieldProblem.of(path.isEmpty() ? "yaml" : path.substring(0, path.length() - 1), "must be a mapping"));
            return null;
        }
        unknownKeys(m, Set.of("name", "default", "grouping", "minDaysBetweenContacts", "steps"), path, problems);
        String name = string(m.get("name"), path + "name", problems);
        boolean isDefault = Boolean.TRUE.equals(m.get("default"));
        Grouping grouping = m.get("grouping") == null ? Grouping.PER_DEBTOR
                : enumValue(Grouping.class, m.get("grouping"), path + "grouping", problems);
        Integer gap = m.get("minDaysBetweenContacts") == null ? 0 : integer(m.get("minDaysBetweenContacts"),
                path + "minDaysBetweenContacts", problems);
        List<Step> steps = new ArrayList<>();
        if (!(m.get("steps") instanceof List<?> list)) {
            problems.add(FieldProblem.of(path + "steps", "must be a list of steps"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                Step s = step(list.get(i), path + "steps[" + i + "].", problems);
                if (s != null) {
                    steps.add(s);
                }
            }
        }
        return new Scenario(null, name, grouping, gap == null ? 0 : gap, isDefault, steps);
    }

    private static Step step(Object node, String path, List<FieldProblem> problems) {
        if (!(node instanceof Map<?, ?> m)) {
            problems.add(FieldProblem.of(path.substring(0, path.length() - 1), "must be a mapping"));
            return null;
        }
        unknownKeys(m, Set.of("code", "offset", "channels", "template", "stage", "conditions", "mode", "deadlineDays"), path,
                problems);
        String code = string(m.get("code"), path + "code", problems);
        Integer offset = integer(m.get("offset"), path + "offset", problems);
        List<Channel> channels = new ArrayList<>();
        if (!(m.get("channels") instanceof List<?> list)) {
            problems.add(FieldProblem.of(path + "channels", "must be a list, e.g. [EMAIL]"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                Channel c = enumValue(Channel.class, list.get(i), path + "channels[" + i + "]", problems);
                if (c != null) {
                    channels.add(c);
                }
            }
        }
        String template = string(m.get("template"), path + "template", problems);
        Stage stage = enumValue(Stage.class, m.get("stage"), path + "stage", problems);
        StepMode mode = m.get("mode") == null ? StepMode.AUTOMATIC : enumValue(StepMode.class, m.get("mode"), path + "mode", problems);
        Integer deadline = m.get("deadlineDays") == null ? null : integer(m.get("deadlineDays"), path + "deadlineDays", problems);
        StepConditions conditions = StepConditions.NONE;
        if (m.get("conditions") instanceof Map<?, ?> c) {
            unknownKeys(c, Set.of("minOpenAmount", "segments", "riskClasses", "debtorKinds"), path + "conditions.", problems);
            BigDecimal min = null;
            if (c.get("minOpenAmount") != null) {
                try {
                    min = new BigDecimal(c.get("minOpenAmount").toString());
                } catch (NumberFormatException e) {
                    problems.add(FieldProblem.of(path + "conditions.minOpenAmount", c.get("minOpenAmount").toString(),
                            "is not an amount"));
                }
            }
            Set<DebtorKind> kinds = new LinkedHashSet<>();
            for (Object k : strings(c.get("debtorKinds"), path + "conditions.debtorKinds", problems)) {
                DebtorKind kind = enumValue(DebtorKind.class, k, path + "conditions.debtorKinds", problems);
                if (kind != null) {
                    kinds.add(kind);
                }
            }
            conditions = new StepConditions(min, new LinkedHashSet<>(strings(c.get("segments"), path + "conditions.segments", problems)),
                    new LinkedHashSet<>(strings(c.get("riskClasses"), path + "conditions.riskClasses", problems)), kinds);
        } else if (m.get("conditions") != null) {
            problems.add(FieldProblem.of(path + "conditions", "must be a mapping"));
        }
        return new Step(code, offset == null ? 0 : offset, channels, template, stage, conditions, mode, deadline);
    }

    static String write(Collection<Scenario> scenarios) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setSplitLines(false);
        Yaml yaml = new Yaml(new Representer(options), options);
        if (scenarios.size() == 1) {
            return yaml.dump(map(scenarios.iterator().next()));
        }
        return yaml.dump(Map.of("scenarios", scenarios.stream().map(ScenarioYaml::map).toList()));
    }

    private static Map<String, Object> map(Scenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("default", s.isDefault());
        m.put("grouping", s.grouping().name());
        m.put("minDaysBetweenContacts", s.minDaysBetweenContacts());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Step step : s.steps()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("code", step.code());
            x.put("offset", step.offsetDays());
            x.put("channels", step.channels().stream().map(Enum::name).toList());
            x.put("template", step.template());
            x.put("stage", step.stage().name());
            if (step.mode() != StepMode.AUTOMATIC) {
                x.put("mode", step.mode().name());
            }
            if (step.deadlineDays() != null) {
                x.put("deadlineDays", step.deadlineDays());
            }
            StepConditions c = step.conditions();
            if (!c.isEmpty()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                if (c.minOpenAmount() != null) {
                    cm.put("minOpenAmount", c.minOpenAmount().toPlainString());
                }
                if (!c.segments().isEmpty()) {
                    cm.put("segments", c.segments().stream().sorted().toList());
                }
                if (!c.riskClasses().isEmpty()) {
                    cm.put("riskClasses", c.riskClasses().stream().sorted().toList());
                }
                if (!c.debtorKinds().isEmpty()) {
                    cm.put("debtorKinds", c.debtorKinds().stream().map(Enum::name).sorted().toList());
                }
                x.put("conditions", cm);
            }
            steps.add(x);
        }
        m.put("steps", steps);
        return m;
    }

    private static void unknownKeys(Map<?, ?> m, Set<String> known, String path, List<FieldProblem> problems) {
        for (Object k : m.keySet()) {
            if (!known.contains(String.valueOf(k))) {
                problems.add(FieldProblem.of(path + k, "unknown key; expected one of " + known.stream().sorted().toList()));
            }
        }
    }

    private static String string(Object v, String field, List<FieldProblem> problems) {
        if (v == null || v instanceof Map || v instanceof List) {
            problems.add(FieldProblem.of(field, "is required"));
            return null;
        }
        return v.toString();
    }

    private static Integer integer(Object v, String field, List<FieldProblem> problems) {
        if (v instanceof Integer i) {
            return i;
        }
        problems.add(FieldProblem.of(field, v == null ? null : v.toString(), v == null ? "is required" : "must be a whole number"));
        return null;
    }

    private static List<String> strings(Object v, String field, List<FieldProblem> problems) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            problems.add(FieldProblem.of(field, "must be a list"));
            return List.of();
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, Object v, String field, List<FieldProblem> problems) {
        if (v == null) {
            problems.add(FieldProblem.of(field, "is required"));
            return null;
        }
        try {
            return Enum.valueOf(type, v.toString().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            problems.add(FieldProblem.of(field, v.toString(), "must be one of " + allowed));
            return null;
        }
    }
}
