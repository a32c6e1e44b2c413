package fr.encaisse.dunning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidIntMapTest {

    @Test
    void behaves_like_a_hash_map_while_growing() {
        UuidIntMap map = new UuidIntMap(4);
        Map<UUID, Integer> reference = new HashMap<>();
        Random random = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            UUID key = i % 7 == 0 && !reference.isEmpty() ? reference.keySet().iterator().next() : UUID.randomUUID();
            int value = random.nextInt(400) - 100;
            map.put(key, value);
            reference.put(key, value);
        }
        assertThat(map.size()).isEqualTo(reference.size());
        reference.forEach((k, v) -> assertThat(map.get(k, Integer.MIN_VALUE)).isEqualTo(v));
        assertThat(map.get(UUID.randomUUID(), Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
    }
}
