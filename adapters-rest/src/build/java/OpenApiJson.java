// Build step, not part of the jar: finishes the OpenAPI document that micronaut-openapi generated
// (META-INF/swagger/openapi.yml) and writes it once more as JSON (openapi.json, served at
// /api/v1/openapi.json), the same document. Run by this module's pom (exec-maven-plugin, in
// process-test-classes) as a single-file program on the module's test classpath, which holds
// Jackson's YAML and JSON mappers; Jackson reads a YAML scalar as the string it is (no timestamps
// or octal guessed, unlike a YAML 1.1 parser), and writes YAML the way micronaut-openapi does.
//
// Finishing: the schemas named after nested Java records ("ConfigController.ConfigResponse",
// "ErrorEnvelope.Body") get the names listed in src/build/schema-names.properties, $refs included.
// micronaut-openapi 6.20 would take them from a class-level @Schema(name = ...), but copies that
// annotation onto the record's last property as well (a stray "Config:" property; upstream issue
// 2791). A listed name that is no longer generated, or a generated name with a dot that is not
// listed, fails the build.

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

public class OpenApiJson {
  private static final String REF = "#/components/schemas/";

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: OpenApiJson <openapi.yml> <openapi.json> <schema-names.properties>");
    }
    var yaml =
        new YAMLMapper(
            YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .build());
    var document = yaml.readTree(Path.of(args[0]).toFile());
    if (document == null || !document.has("openapi") || !document.has("paths")) {
      throw new IllegalStateException(args[0] + " holds no OpenAPI document");
    }
    var names = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of(args[2]))) {
      names.load(in);
    }
    rename((ObjectNode) document.path("components").path("schemas"), names);
    replaceRefs(document, names);
    yaml.writeValue(Path.of(args[0]).toFile(), document);
    Files.writeString(
        Path.of(args[1]),
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document)
            + "\n");
  }

  private static void rename(ObjectNode schemas, Properties names) {
    var problems = new ArrayList<String>();
    for (var old : names.stringPropertyNames()) {
      // (written here before: a build that did not compile again finds it renamed already)
      if (!schemas.has(old) && !schemas.has(names.getProperty(old))) {
        problems.add(old + " is listed but no longer generated");
      }
    }
    var renamed = new TreeMap<String, JsonNode>();
    for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
      var name = names.getProperty(schema.getKey(), schema.getKey());
      if (name.contains(".")) {
        problems.add(name + " needs a name in schema-names.properties");
      }
      if (renamed.put(name, schema.getValue()) != null) {
        problems.add(name + " names two schemas");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("schema names: " + String.join("; ", problems));
    }
    schemas.removeAll();
    renamed.forEach(schemas::set);
  }

  private static void replaceRefs(JsonNode node, Properties names) {
    if (node instanceof ObjectNode object) {
      var ref = object.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith(REF)) {
        var name = ref.asText().substring(REF.length());
        object.set("$ref", TextNode.valueOf(REF + names.getProperty(name, name)));
      }
    }
    node.forEach(child -> replaceRefs(child, names));
  }
}
