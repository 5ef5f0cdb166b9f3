"""Reading what the system published on Kafka, from the real broker."""
import json

from confluent_kafka import Consumer, TopicPartition

from stack import KAFKA_BOOTSTRAP, wait_for


class TopicTail:
    """Remembers a topic's end offsets now; later reads everything published after."""

    def __init__(self, topic, partitions=3):
        self.topic = topic
        self.consumer = Consumer({"bootstrap.servers": KAFKA_BOOTSTRAP,
                                  "group.id": "e2e-tail", "enable.auto.commit": False})
        parts = []
        for p in range(partitions):
            _, high = self.consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=10)
            parts.append(TopicPartition(topic, p, high))
        self.consumer.assign(parts)
        self.seen = []

    def poll_all(self):
        while True:
            msg = self.consumer.poll(0.2)
            if msg is None:
                return self.seen
            if not msg.error():
                self.seen.append({"key": msg.key().decode() if msg.key() else None,
                                  "partition": msg.partition(),
                                  "event": json.loads(msg.value())})

    def wait_for(self, predicate, timeout=30, what="an event"):
        def found():
            return [m for m in self.poll_all() if predicate(m)]
        return wait_for(found, timeout, interval=0, what=what)

    def close(self):
        self.consumer.close()
