package dialer.campaign;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import dialer.contact.ContactPartitions;
import dialer.persistence.UniqueViolation;
import dialer.phone.PhoneNumbers;
import dialer.validation.ConflictException;
import dialer.validation.InvalidInputException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Creates, reads, changes and deletes campaigns; every campaign it stores has passed the same checks. */
public final class CampaignService {
    private final Jdbi jdbi;
    private final CampaignDao campaigns;
    private final CampaignInputParser parser = new CampaignInputParser(new PhoneNumbers());
    private final SettingsJson json = new SettingsJson();

    public CampaignService(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.campaigns = jdbi.onDemand(CampaignDao.class);
    }

    /**
     * Creates a campaign in state {@link CampaignState#DRAFT}, filling in every default.
     *
     * @throws InvalidInputException naming every field that breaks a rule
     * @throws ConflictException     when another campaign has the name (compared without case)
     */
    public Campaign create(CampaignInput input) {
        return jdbi.inTransaction(handle -> create(handle, input));
    }

    /**
     * As {@link #create(CampaignInput)}, in the caller's transaction, so that the campaign is stored together
     * with what refers to it, or not at all.
     */
    public Campaign create(Handle handle, CampaignInput input) {
        CampaignInputParser.Parsed parsed = parser.parse(input);
        CampaignDao dao = handle.attach(CampaignDao.class);
        long id = nameMustBeFree(parsed.name(),
                () -> dao.insert(parsed.name(), parsed.mode().code(), json.write(parsed.input())));
        return dao.findById(id).map(this::toCampaign).orElseThrow();
    }

    public Optional<Campaign> find(long id) {
        return campaigns.findById(id).map(this::toCampaign);
    }

    public List<Campaign> list() {
        return campaigns.list().stream().map(this::toCampaign).toList();
    }

    /**
     * Changes a campaign: {@code change} gets the campaign as a client writes it ({@link Campaign#input()})
     * and returns the whole new input, which is checked like a new campaign's. The campaign stays locked
     * meanwhile, so that concurrent changes apply one after the other.
     *
     * @return the changed campaign, or empty when there is no campaign {@code id}
     * @throws InvalidInputException naming every field of the new input that breaks a rule
     * @throws ConflictException     when another campaign has the new name
     */
    public Optional<Campaign> update(long id, UnaryOperator<CampaignInput> change) {
        return jdbi.inTransaction(handle -> {
            CampaignDao locked = handle.attach(CampaignDao.class);
            Optional<Campaign> current = locked.lockForEdit(id).map(this::toCampaign);
            if (current.isEmpty()) {
                return Optional.<Campaign>empty();
            }
            CampaignInputParser.Parsed parsed = parser.parse(change.apply(current.get().input()));
            nameMustBeFree(parsed.name(),
                    () -> locked.update(id, parsed.name(), parsed.mode().code(), json.write(parsed.input())));
            return locked.findById(id).map(this::toCampaign);
        });
    }

    /**
     * Deletes a campaign with its contacts and attempts.
     *
     * @return whether there was such a campaign
     * @throws ConflictException when the campaign is running
     */
    public boolean delete(long id) {
        boolean deleted = jdbi.inTransaction(handle -> {
            ContactPartitions.lockIntake(handle, id);
            CampaignDao locked = handle.attach(CampaignDao.class);
            Optional<CampaignRow> campaign = locked.lockById(id);
            if (campaign.isEmpty()) {
                return false;
            }
            if (CampaignState.RUNNING.code().equals(campaign.get().state())) {
                throw new ConflictException("state", "Campaign " + id + " is running; stop it before deleting it");
            }
            handle.execute("DELETE FROM contacts WHERE campaign_id = ?", id);
            return locked.delete(id) > 0;
        });
        if (deleted) {
            ContactPartitions.drop(jdbi, id);
        }
        return deleted;
    }

    /**
     * Moves the campaign from one of {@code from} to {@code to}.
     *
     * @return the campaign as it is now, or empty when there is no campaign {@code id}
     * @throws ConflictException when the campaign is in none of {@code from}
     */
    public Optional<Campaign> transition(long id, Set<CampaignState> from, CampaignState to) {
        boolean moved = campaigns.transition(id, from.stream().map(CampaignState::code).toArray(String[]::new), to.code());
        Optional<Campaign> campaign = find(id);
        if (!moved && campaign.isPresent() && campaign.get().state() != to) {
            throw new ConflictException("state", "Campaign " + id + " is " + campaign.get().state().code()
                    + "; it cannot become " + to.code() + " from there");
        }
        return campaign;
    }

    /** The ids of the campaigns in {@code state}. */
    public List<Long> idsIn(CampaignState state) {
        return campaigns.idsIn(state.code());
    }

    private Campaign toCampaign(CampaignRow row) {
        CampaignInputParser.Parsed parsed;
        try {
            parsed = parser.parse(json.read(row));
        } catch (InvalidInputException e) {
            throw new IllegalStateException("Campaign " + row.id() + " as stored breaks a rule: " + e.getMessage(), e);
        }
        CampaignState state = Coded.fromCode(CampaignState.class, row.state()).orElseThrow(
                () -> new IllegalStateException("unknown campaign state in the database: " + row.state()));
        return new Campaign(row.id(), parsed.name(), parsed.mode(), state, parsed.settings(), row.createdAt(),
                row.updatedAt());
    }

    private static <T> T nameMustBeFree(String name, Supplier<T> write) {
        try {
            return write.get();
        } catch (UnableToExecuteStatementException e) {
            if (UniqueViolation.isCauseOf(e)) {
                throw new ConflictException("name", "Another campaign is named '" + name + "'");
            }
            throw e;
        }
    }
}
