package dialer.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dialer.campaign.CampaignInput;
import dialer.campaign.CampaignService;
import dialer.gateway.simulated.SimulatedGatewayDriver;
import dialer.gateway.simulated.SimulatedNetwork;
import dialer.testing.TestDatabase;
import dialer.user.PasswordHasher;
import dialer.user.UserService;
import dialer.validation.FieldError;
import dialer.validation.InvalidInputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CampaignAgentsTest {
    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();
    private static final SimulatedGatewayDriver GATEWAY = new SimulatedGatewayDriver(SimulatedNetwork.typical(), 1);
    private static AgentDesk desk;
    private static CampaignAgents agents;
    private static UserService users;

    @BeforeAll
    static void start() {
        GATEWAY.start();
        desk = new AgentDesk(DB.jdbi(), GATEWAY, Clock.systemUTC(), "node-1");
        agents = new CampaignAgents(DB.jdbi(), desk);
        users = new UserService(DB.jdbi(), new PasswordHasher());
    }

    @AfterAll
    static void stop() {
        GATEWAY.close();
    }

    @Test
    void replacesTheWholeListAndTellsLoggedInAgents() {
        long campaign = campaign("Replaced");
        long ann = users.create("ca.ann", "password-1", List.of("agent")).id();
        long bob = users.create("ca.bob", "password-1", List.of("agent")).id();
        desk.login(ann, "ca.ann", "sip:ann@pbx");

        assertThat(agents.replace(campaign, List.of(new AgentSkill(bob, 2), new AgentSkill(ann, 9)))).hasValueSatisfying(
                list -> assertThat(list).extracting(Assignment::username, Assignment::skillLevel)
                        .containsExactly(tuple("ca.ann", 9),
                                tuple("ca.bob", 2)));
        assertThat(desk.find(ann).orElseThrow().campaigns()).isEqualTo(Map.of(campaign, 9));

        assertThat(agents.replace(campaign, List.of(new AgentSkill(bob, 4)))).hasValueSatisfying(
                list -> assertThat(list).extracting(Assignment::userId).containsExactly(bob));
        assertThat(desk.find(ann).orElseThrow().campaigns()).isEmpty();
        assertThat(agents.list(campaign)).hasValueSatisfying(
                list -> assertThat(list).extracting(Assignment::skillLevel).containsExactly(4));
        desk.logout(ann);
    }

    @Test
    void namesEveryBadEntryAndChangesNothing() {
        long campaign = campaign("Checked");
        long cat = users.create("ca.cat", "password-1", List.of("agent")).id();
        long boss = users.create("ca.boss", "password-1", List.of("supervisor")).id();
        agents.replace(campaign, List.of(new AgentSkill(cat, 5)));

        assertThatThrownBy(() -> agents.replace(campaign, Arrays.asList(new AgentSkill(cat, 11), null,
                new AgentSkill(boss, 5), new AgentSkill(null, null), new AgentSkill(987654L, 1), new AgentSkill(cat, 1))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("[0].skillLevel", "[1]", "[2].userId", "[3].userId", "[3].skillLevel", "[4].userId",
                                "[5].userId"));
        assertThat(agents.list(campaign)).hasValueSatisfying(
                list -> assertThat(list).extracting(Assignment::userId, Assignment::skillLevel)
                        .containsExactly(tuple(cat, 5)));
    }

    @Test
    void anUnknownCampaignIsEmpty() {
        assertThat(agents.list(987654)).isEmpty();
        assertThat(agents.replace(987654, List.of())).isEmpty();
    }

    private static long campaign(String name) {
        return new CampaignService(DB.jdbi()).create(new CampaignInput(name, "progressive", null, null, null, null, "RU",
                "Europe/Moscow", null, null, null, null, null)).id();
    }
}
