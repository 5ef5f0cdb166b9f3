// Creates Kafka topics if they do not exist yet, then prints every requested topic
// with its partition count and replication factor. Run with Java's single-file
// source launcher against the jars resolved by tools/kafka/pom.xml:
//
//   java -cp "$KAFKA_LIBS/*" tools/kafka/CreateTopics.java \
//        --bootstrap-server 127.0.0.1:29092 task-events:3 task-events-dlq:1 ...
//   java -cp "$KAFKA_LIBS/*" tools/kafka/CreateTopics.java --bootstrap-server 127.0.0.1:29092 --list
//
// A topic spec is NAME[:PARTITIONS[:REPLICATION_FACTOR]] (defaults 1 and 1).
// An existing topic is left as it is (create-if-not-exists); a partition count that
// differs from the request is reported on stderr but is not an error, because
// changing it would move keys to other partitions.
// Exit status: 0 on success, 1 on a Kafka error, 2 on bad arguments.

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

public class CreateTopics {
  private record Spec(String name, int partitions, short replicationFactor) {}

  public static void main(String[] args) {
    String bootstrap = "127.0.0.1:9092";
    long timeoutMs = 60_000;
    boolean listAll = false;
    Map<String, Spec> specs = new LinkedHashMap<>();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--bootstrap-server" -> bootstrap = args[++i];
          case "--timeout-ms" -> timeoutMs = Long.parseLong(args[++i]);
          case "--list" -> listAll = true;
          case "-h", "--help" -> {
            usage();
            return;
          }
          default -> {
            Spec s = parse(args[i]);
            specs.put(s.name(), s);
          }
        }
      }
    } catch (RuntimeException e) {
      System.err.println("CreateTopics: bad arguments: " + e.getMessage());
      usage();
      System.exit(2);
    }
    if (!listAll && specs.isEmpty()) {
      usage();
      System.exit(2);
    }

    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "todo-create-topics");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs, Integer.MAX_VALUE));
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs, 30_000));

    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
      List<NewTopic> toCreate = new ArrayList<>();
      for (Spec s : specs.values()) {
        if (!existing.contains(s.name())) {
          toCreate.add(new NewTopic(s.name(), s.partitions(), s.replicationFactor()));
        }
      }
      if (!toCreate.isEmpty()) {
        Map<String, KafkaFuture<Void>> results = admin.createTopics(toCreate).values();
        for (Map.Entry<String, KafkaFuture<Void>> r : results.entrySet()) {
          try {
            r.getValue().get(timeoutMs, TimeUnit.MILLISECONDS);
            System.err.println("created topic " + r.getKey());
          } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) throw e;
            // Created concurrently by someone else (or by auto-create): fine.
          }
        }
      }

      Set<String> names;
      if (listAll) {
        names = admin.listTopics(new ListTopicsOptions().listInternal(false)).names()
            .get(timeoutMs, TimeUnit.MILLISECONDS);
      } else {
        names = specs.keySet();
      }
      Map<String, TopicDescription> described = new TreeMap<>(
          admin.describeTopics(names).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS));
      for (TopicDescription d : described.values()) {
        int rf = d.partitions().isEmpty() ? 0 : d.partitions().get(0).replicas().size();
        System.out.printf("%s\tpartitions=%d\treplication-factor=%d%n", d.name(), d.partitions().size(), rf);
        Spec want = specs.get(d.name());
        if (want != null && want.partitions() != d.partitions().size()) {
          System.err.printf("warning: topic %s has %d partitions, %d requested (left unchanged)%n",
              d.name(), d.partitions().size(), want.partitions());
        }
      }
    } catch (Exception e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      System.err.println("CreateTopics: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
      System.exit(1);
    }
  }

  private static Spec parse(String arg) {
    if (arg.startsWith("-")) throw new IllegalArgumentException("unknown option " + arg);
    String[] parts = arg.split(":", -1);
    if (parts.length > 3 || parts[0].isEmpty()) throw new IllegalArgumentException("bad topic spec " + arg);
    int partitions = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
    short rf = parts.length > 2 ? Short.parseShort(parts[2]) : 1;
    if (partitions < 1 || rf < 1) throw new IllegalArgumentException("bad topic spec " + arg);
    return new Spec(parts[0], partitions, rf);
  }

  private static void usage() {
    System.err.println("usage: java -cp 'KAFKA_LIBS/*' CreateTopics.java [--bootstrap-server HOST:PORT]"
        + " [--timeout-ms MS] [--list] [NAME[:PARTITIONS[:RF]]...]");
  }
}
