package dialer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dialer.campaign.CampaignState;
import dialer.missed.CallbackCampaigns;
import dialer.missed.DefaultCallbackGroup;
import dialer.missed.DidGroup;
import dialer.testing.TestDatabase;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Nodes starting at once on one database make one default callback group, with one running campaign. */
class DefaultCallbackGroupTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @RepeatedTest(3)
    void nodesStartingAtOnceMakeOneDefaultGroup() throws Exception {
        int nodes = 4;
        try (EngineFixture fixture = new EngineFixture(db, EngineFixture.fastNetwork(), "node-a")) {
            CyclicBarrier start = new CyclicBarrier(nodes);
            ExecutorService pool = Executors.newFixedThreadPool(nodes);
            List<Future<DidGroup>> made = new ArrayList<>();
            try {
                for (int i = 0; i < nodes; i++) {
                    made.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return new DefaultCallbackGroup(db.jdbi(), new CallbackCampaigns(fixture.campaigns, fixture.engine::start))
                                .ensure();
                    }));
                }
                List<Long> groups = new ArrayList<>();
                for (Future<DidGroup> group : made) {
                    groups.add(group.get(30, TimeUnit.SECONDS).id());
                }
                assertThat(groups).containsOnly(groups.get(0));
            } finally {
                pool.shutdownNow();
            }
            assertThat(fixture.count("SELECT count(*) FROM did_groups")).isEqualTo(1);
            assertThat(fixture.count("SELECT count(*) FROM campaigns WHERE name = 'Callbacks: default'")).isEqualTo(1);
            long campaign = fixture.count("SELECT campaign_id FROM did_groups WHERE is_default");
            assertThat(fixture.campaigns.find(campaign).orElseThrow().state()).isEqualTo(CampaignState.RUNNING);
        }
    }
}
