using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Afweging;
using Weerbaar.Web.Features.Allocation;
using Weerbaar.Web.Features.Coverage;
using Weerbaar.Web.Features.CrisisKit;
using Weerbaar.Web.Features.CrisisKit.Archive;
using Weerbaar.Web.Features.CrisisKit.Contacts;
using Weerbaar.Web.Features.CrisisKit.Custody;
using Weerbaar.Web.Features.Email;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Jobs;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.Programme;
using Weerbaar.Web.Features.Scan.Invitations;
using Weerbaar.Web.Features.Scan.Mail;
using Weerbaar.Web.Features.Scan.OpenAnswers;
using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Features.Scan.Rounds;
using Weerbaar.Web.Features.Scenarios;
using Weerbaar.Web.Features.SelfReliance;
using Weerbaar.Web.Features.Siting;
using Weerbaar.Web.Features.Vulnerability;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options, TenantScopeAccessor? tenants = null)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    // Read at query time, not at construction: the context can be created before the user is known.
    // Without a scope (migrations, start-up seeding) nothing tenant-owned is visible unless the caller
    // uses IgnoreQueryFilters(): failing closed is the safe default.
    private TenantScope Tenant => tenants?.Current ?? TenantScope.None;

    public DbSet<Provincie> Provincies => Set<Provincie>();
    public DbSet<Veiligheidsregio> Veiligheidsregios => Set<Veiligheidsregio>();
    public DbSet<Gemeente> Gemeenten => Set<Gemeente>();
    public DbSet<Wijk> Wijken => Set<Wijk>();
    public DbSet<Buurt> Buurten => Set<Buurt>();
    public DbSet<ReferenceDataset> ReferenceDatasets => Set<ReferenceDataset>();
    public DbSet<UserInvitation> UserInvitations => Set<UserInvitation>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ScanRound> ScanRounds => Set<ScanRound>();
    public DbSet<ScanResponse> ScanResponses => Set<ScanResponse>();
    public DbSet<ScanInvitation> ScanInvitations => Set<ScanInvitation>();
    public DbSet<ScanMailTemplate> ScanMailTemplates => Set<ScanMailTemplate>();
    public DbSet<ScanImportDraft> ScanImportDrafts => Set<ScanImportDraft>();
    public DbSet<OpenAnswerCoding> OpenAnswerCodings => Set<OpenAnswerCoding>();
    public DbSet<ReportNarrative> ReportNarratives => Set<ReportNarrative>();
    public DbSet<BuurtGeometry> BuurtGeometries => Set<BuurtGeometry>();
    public DbSet<BuurtPoint> BuurtPoints => Set<BuurtPoint>();
    public DbSet<CoverageSettings> CoverageSettings => Set<CoverageSettings>();
    public DbSet<VulnerabilityIndicatorSet> VulnerabilityIndicatorSets => Set<VulnerabilityIndicatorSet>();
    public DbSet<VulnerableLocation> VulnerableLocations => Set<VulnerableLocation>();
    public DbSet<Noodsteunpunt> Noodsteunpunten => Set<Noodsteunpunt>();
    public DbSet<SelfRelianceAssumptions> SelfRelianceAssumptions => Set<SelfRelianceAssumptions>();
    public DbSet<BackgroundJob> BackgroundJobs => Set<BackgroundJob>();
    public DbSet<SitingCandidate> SitingCandidates => Set<SitingCandidate>();
    public DbSet<SitingScenario> SitingScenarios => Set<SitingScenario>();
    public DbSet<OwnScenario> OwnScenarios => Set<OwnScenario>();
    public DbSet<RiskAssessmentEntry> RiskAssessments => Set<RiskAssessmentEntry>();
    public DbSet<PriorityWeightSettings> PriorityWeights => Set<PriorityWeightSettings>();
    public DbSet<DecisionRecord> DecisionRecords => Set<DecisionRecord>();
    public DbSet<AllocationPlan> AllocationPlans => Set<AllocationPlan>();
    public DbSet<GemeenteProgramme> Programmes => Set<GemeenteProgramme>();
    public DbSet<ProgrammeAction> ProgrammeActions => Set<ProgrammeAction>();
    public DbSet<ActionStatusUpdate> ActionStatusUpdates => Set<ActionStatusUpdate>();
    public DbSet<PartnerAgreement> PartnerAgreements => Set<PartnerAgreement>();
    public DbSet<ProgrammeReview> ProgrammeReviews => Set<ProgrammeReview>();
    public DbSet<CrisisContact> CrisisContacts => Set<CrisisContact>();
    public DbSet<CrisisPack> CrisisPacks => Set<CrisisPack>();
    public DbSet<PackHandout> PackHandouts => Set<PackHandout>();
    public DbSet<PackReprintSchedule> PackReprintSchedules => Set<PackReprintSchedule>();
    public DbSet<CrisisKitArchive> CrisisKitArchives => Set<CrisisKitArchive>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite has no date type: store UTC ticks so comparisons and ORDER BY run in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.GemeenteCode).HasMaxLength(6);
            e.Property(u => u.VeiligheidsregioCode).HasMaxLength(4);
            e.HasIndex(u => u.GemeenteCode);
        });

        builder.Entity<Provincie>(e =>
        {
            e.HasKey(p => p.Code);
            e.Property(p => p.Code).HasMaxLength(4);
            e.Property(p => p.Name).HasMaxLength(100);
        });
        builder.Entity<Veiligheidsregio>(e =>
        {
            e.HasKey(v => v.Code);
            e.Property(v => v.Code).HasMaxLength(4);
            e.Property(v => v.Name).HasMaxLength(100);
        });
        builder.Entity<Gemeente>(e =>
        {
            e.HasKey(g => g.Code);
            e.Property(g => g.Code).HasMaxLength(6);
            e.Property(g => g.Name).HasMaxLength(100);
            e.Property(g => g.ProvincieCode).HasMaxLength(4);
            e.Property(g => g.VeiligheidsregioCode).HasMaxLength(4);
            e.HasOne<Provincie>().WithMany().HasForeignKey(g => g.ProvincieCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Veiligheidsregio>().WithMany().HasForeignKey(g => g.VeiligheidsregioCode).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Wijk>(e =>
        {
            e.HasKey(w => w.Code);
            e.Property(w => w.Code).HasMaxLength(8);
            e.Property(w => w.GemeenteCode).HasMaxLength(6);
            e.HasIndex(w => w.GemeenteCode);
        });
        builder.Entity<Buurt>(e =>
        {
            e.HasKey(b => b.Code);
            e.Property(b => b.Code).HasMaxLength(10);
            e.Property(b => b.Name).HasMaxLength(200);
            e.Property(b => b.WijkCode).HasMaxLength(8);
            e.Property(b => b.GemeenteCode).HasMaxLength(6);
            e.HasIndex(b => b.GemeenteCode);
        });
        builder.Entity<BuurtPoint>(e =>
        {
            e.HasKey(p => p.BuurtCode);
            e.Property(p => p.BuurtCode).HasMaxLength(10);
            e.Property(p => p.MatchedOn).HasMaxLength(8);
        });
        builder.Entity<ReferenceDataset>(e =>
        {
            e.HasKey(r => r.Name);
            e.Property(r => r.Name).HasMaxLength(100);
            e.Property(r => r.Version).HasMaxLength(100);
        });
        builder.Entity<UserInvitation>(e =>
        {
            e.Property(i => i.Email).HasMaxLength(256);
            e.Property(i => i.DisplayName).HasMaxLength(200);
            e.Property(i => i.Role).HasMaxLength(32);
            e.Property(i => i.GemeenteCode).HasMaxLength(6);
            e.Property(i => i.VeiligheidsregioCode).HasMaxLength(4);
            e.Property(i => i.CreatedBy).HasMaxLength(256);
            e.HasIndex(i => i.TokenHash).IsUnique();
        });
        builder.Entity<OutboxMessage>(e =>
        {
            e.Property(m => m.To).HasMaxLength(256);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.Property(m => m.PickupFile).HasMaxLength(500);
            e.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        });

        builder.Entity<ScanRound>(e =>
        {
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.InstrumentId).HasMaxLength(100);
            e.Property(r => r.InstrumentHash).HasMaxLength(64);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.CreatedBy).HasMaxLength(256);
            e.Property(r => r.PopulationRegios).HasConversion(JsonConversions.List<string>()).Metadata.SetValueComparer(JsonConversions.ListComparer<string>());
            e.Property(r => r.PopulationProvincies).HasConversion(JsonConversions.List<string>()).Metadata.SetValueComparer(JsonConversions.ListComparer<string>());
            e.Property(r => r.ReminderDays).HasConversion(JsonConversions.List<int>()).Metadata.SetValueComparer(JsonConversions.ListComparer<int>());
            e.Property(r => r.RemindersDone).HasConversion(JsonConversions.List<int>()).Metadata.SetValueComparer(JsonConversions.ListComparer<int>());
        });
        builder.Entity<ScanResponse>(e =>
        {
            e.Property(r => r.GemeenteCode).HasMaxLength(6);
            e.Property(r => r.RespondentId).HasMaxLength(100);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Source).HasMaxLength(20);
            e.Property(r => r.CompletedOn).HasMaxLength(40);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Property(r => r.Answers).HasConversion(JsonConversions.Answers()).Metadata.SetValueComparer(JsonConversions.AnswersComparer());
            e.HasIndex(r => new { r.RoundId, r.RespondentId }).IsUnique();
            e.HasIndex(r => new { r.RoundId, r.GemeenteCode });
            e.HasOne<ScanRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ScanInvitation>(e =>
        {
            e.Property(i => i.GemeenteCode).HasMaxLength(6);
            e.Property(i => i.ContactName).HasMaxLength(200);
            e.Property(i => i.ContactEmail).HasMaxLength(256);
            e.Property(i => i.ContactRole).HasMaxLength(200);
            e.Property(i => i.ProtectedToken).HasMaxLength(1000);
            e.HasIndex(i => i.TokenHash).IsUnique();
            e.HasIndex(i => new { i.RoundId, i.GemeenteCode }).IsUnique();
            e.HasOne<ScanRound>().WithMany().HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ScanMailTemplate>(e =>
        {
            e.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.Subject).HasMaxLength(ScanMailTemplate.MaxSubject);
            e.Property(t => t.Body).HasMaxLength(ScanMailTemplate.MaxBody);
            e.Property(t => t.UpdatedBy).HasMaxLength(256);
            e.HasIndex(t => new { t.RoundId, t.Kind }).IsUnique();
            e.HasOne<ScanRound>().WithMany().HasForeignKey(t => t.RoundId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ScanImportDraft>(e =>
        {
            e.Property(d => d.Kind).HasMaxLength(20);
            e.Property(d => d.FileName).HasMaxLength(260);
            e.Property(d => d.CreatedBy).HasMaxLength(256);
            e.HasOne<ScanRound>().WithMany().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<OpenAnswerCoding>(e =>
        {
            e.Property(c => c.QuestionId).HasMaxLength(20);
            e.Property(c => c.CoderId).HasMaxLength(450);
            e.Property(c => c.CoderName).HasMaxLength(256);
            e.Property(c => c.Themes).HasConversion(JsonConversions.List<string>()).Metadata.SetValueComparer(JsonConversions.ListComparer<string>());
            e.Property(c => c.Suggested).HasConversion(JsonConversions.List<string>()).Metadata.SetValueComparer(JsonConversions.ListComparer<string>());
            e.HasIndex(c => new { c.ResponseId, c.QuestionId, c.CoderId }).IsUnique();
            e.HasIndex(c => c.RoundId);
            e.HasOne<ScanRound>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ScanResponse>().WithMany().HasForeignKey(c => c.ResponseId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ReportNarrative>(e =>
        {
            e.HasKey(n => new { n.RoundId, n.Key });
            e.Property(n => n.Key).HasMaxLength(40);
            e.Property(n => n.Markdown).HasMaxLength(ReportNarrative.MaxMarkdown);
            e.Property(n => n.UpdatedBy).HasMaxLength(256);
            e.Property(n => n.Version).IsConcurrencyToken();
            e.HasOne<ScanRound>().WithMany().HasForeignKey(n => n.RoundId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<BuurtGeometry>(e =>
        {
            e.HasKey(g => g.BuurtCode);
            e.Property(g => g.BuurtCode).HasMaxLength(10);
            e.HasOne<Buurt>().WithOne().HasForeignKey<BuurtGeometry>(g => g.BuurtCode).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<VulnerabilityIndicatorSet>(e =>
        {
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.Note).HasMaxLength(2000);
            e.Property(s => s.CreatedBy).HasMaxLength(256);
            e.HasIndex(s => s.Version).IsUnique();
        });
        builder.Entity<VulnerableLocation>(e =>
        {
            e.Property(l => l.GemeenteCode).HasMaxLength(6);
            e.Property(l => l.Category).HasMaxLength(40);
            e.Property(l => l.Name).HasMaxLength(200);
            e.Property(l => l.Address).HasMaxLength(300);
            e.Property(l => l.Postcode).HasMaxLength(7);
            e.Property(l => l.BuurtCode).HasMaxLength(10);
            e.Property(l => l.ContactName).HasMaxLength(200);
            e.Property(l => l.ContactPhone).HasMaxLength(40);
            e.Property(l => l.ContactEmail).HasMaxLength(256);
            e.Property(l => l.Notes).HasMaxLength(2000);
            e.Property(l => l.UpdatedBy).HasMaxLength(256);
            e.Property(l => l.Dependencies).HasConversion(JsonConversions.List<string>()).Metadata.SetValueComparer(JsonConversions.ListComparer<string>());
            e.HasIndex(l => l.GemeenteCode);
        });
        builder.Entity<Noodsteunpunt>(e =>
        {
            e.Property(n => n.GemeenteCode).HasMaxLength(6);
            e.Property(n => n.Name).HasMaxLength(200);
            e.Property(n => n.Address).HasMaxLength(300);
            e.Property(n => n.Postcode).HasMaxLength(7);
            e.Property(n => n.BuurtCode).HasMaxLength(10);
            e.Property(n => n.BuildingType).HasMaxLength(40);
            // Rows from before the status existed count as planned.
            e.Property(n => n.Status).HasMaxLength(20).HasDefaultValue(NoodsteunpuntStatus.Gepland);
            e.Property(n => n.OpeningArrangement).HasMaxLength(1000);
            e.Property(n => n.Partners).HasMaxLength(1000);
            e.Property(n => n.ContactName).HasMaxLength(200);
            e.Property(n => n.ContactPhone).HasMaxLength(40);
            e.Property(n => n.ContactEmail).HasMaxLength(256);
            e.Property(n => n.Notes).HasMaxLength(2000);
            e.Property(n => n.UpdatedBy).HasMaxLength(256);
            e.HasIndex(n => n.GemeenteCode);
            e.HasIndex(n => new { n.GemeenteCode, n.Status });
        });
        builder.Entity<SitingCandidate>(e =>
        {
            e.Property(c => c.GemeenteCode).HasMaxLength(6);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Notes).HasMaxLength(2000);
            e.Property(c => c.UpdatedBy).HasMaxLength(256);
            e.HasIndex(c => c.GemeenteCode);
        });
        builder.Entity<SitingScenario>(e =>
        {
            e.Property(s => s.GemeenteCode).HasMaxLength(6);
            e.Property(s => s.Name).HasMaxLength(SitingScenario.MaxName);
            e.Property(s => s.CreatedBy).HasMaxLength(256);
            e.Property(s => s.AdoptedBy).HasMaxLength(256);
            e.HasIndex(s => new { s.GemeenteCode, s.CreatedAt });
        });
        builder.Entity<CoverageSettings>(e =>
        {
            e.HasKey(s => s.GemeenteCode);
            e.Property(s => s.GemeenteCode).HasMaxLength(6);
            e.Property(s => s.UpdatedBy).HasMaxLength(256);
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        builder.Entity<SelfRelianceAssumptions>(e =>
        {
            e.HasKey(a => a.GemeenteCode);
            e.Property(a => a.GemeenteCode).HasMaxLength(6);
            e.Property(a => a.UpdatedBy).HasMaxLength(256);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Property(a => a.Values).HasConversion(JsonConversions.Answers()).Metadata.SetValueComparer(JsonConversions.AnswersComparer());
        });

        builder.Entity<OwnScenario>(e =>
        {
            e.Property(s => s.GemeenteCode).HasMaxLength(6);
            e.Property(s => s.Code).HasMaxLength(80);
            e.Property(s => s.Name).HasMaxLength(OwnScenario.MaxName);
            e.Property(s => s.Description).HasMaxLength(OwnScenario.MaxDescription);
            e.Property(s => s.BasedOnCode).HasMaxLength(80);
            e.Property(s => s.UpdatedBy).HasMaxLength(256);
            e.Property(s => s.Version).IsConcurrencyToken();
            foreach (var list in new[] { nameof(OwnScenario.Pillars), nameof(OwnScenario.VitalServices), nameof(OwnScenario.ScarceResources) })
            {
                e.Property<List<string>>(list).HasConversion(JsonConversions.List<string>()).Metadata.SetValueComparer(JsonConversions.ListComparer<string>());
            }
            e.HasIndex(s => new { s.GemeenteCode, s.Code }).IsUnique();
        });
        builder.Entity<RiskAssessmentEntry>(e =>
        {
            e.ToTable("RiskAssessments");
            e.Property(a => a.GemeenteCode).HasMaxLength(6);
            e.Property(a => a.ScenarioCode).HasMaxLength(80);
            e.Property(a => a.MethodVersion).HasMaxLength(80);
            e.Property(a => a.Likelihood).HasMaxLength(8);
            e.Property(a => a.Rationale).HasMaxLength(RiskAssessmentEntry.MaxText);
            e.Property(a => a.UpdatedBy).HasMaxLength(256);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Property(a => a.Impacts).HasConversion(JsonConversions.Answers()).Metadata.SetValueComparer(JsonConversions.AnswersComparer());
            e.HasIndex(a => new { a.GemeenteCode, a.ScenarioCode }).IsUnique();
        });
        builder.Entity<PriorityWeightSettings>(e =>
        {
            e.ToTable("PriorityWeights");
            e.HasKey(w => w.GemeenteCode);
            e.Property(w => w.GemeenteCode).HasMaxLength(6);
            e.Property(w => w.UpdatedBy).HasMaxLength(256);
            e.Property(w => w.Version).IsConcurrencyToken();
        });
        builder.Entity<DecisionRecord>(e =>
        {
            e.Property(d => d.GemeenteCode).HasMaxLength(6);
            e.Property(d => d.ScenarioCode).HasMaxLength(80);
            e.Property(d => d.ScenarioName).HasMaxLength(OwnScenario.MaxName);
            e.Property(d => d.Title).HasMaxLength(DecisionRecord.MaxTitle);
            e.Property(d => d.Rationale).HasMaxLength(DecisionRecord.MaxText);
            e.Property(d => d.PreparedBy).HasMaxLength(DecisionRecord.MaxName);
            e.Property(d => d.ApprovedBy).HasMaxLength(DecisionRecord.MaxName);
            e.Property(d => d.RecordedBy).HasMaxLength(256);
            e.HasIndex(d => new { d.GemeenteCode, d.Number }).IsUnique();
            e.HasOne<DecisionRecord>().WithMany().HasForeignKey(d => d.CorrectsId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<AllocationPlan>(e =>
        {
            e.HasKey(p => p.GemeenteCode);
            e.Property(p => p.GemeenteCode).HasMaxLength(6);
            e.Property(p => p.UpdatedBy).HasMaxLength(256);
            e.Property(p => p.Version).IsConcurrencyToken();
        });

        builder.Entity<GemeenteProgramme>(e =>
        {
            e.ToTable("Programmes");
            e.HasKey(p => p.GemeenteCode);
            e.Property(p => p.GemeenteCode).HasMaxLength(6);
            e.Property(p => p.Name).HasMaxLength(GemeenteProgramme.MaxName);
            e.Property(p => p.Regisseur).HasMaxLength(GemeenteProgramme.MaxName);
            e.Property(p => p.RegisseurDepartment).HasMaxLength(GemeenteProgramme.MaxName);
            e.Property(p => p.DigestEmail).HasMaxLength(256);
            e.Property(p => p.Background).HasMaxLength(GemeenteProgramme.MaxText);
            e.Property(p => p.Goals).HasMaxLength(GemeenteProgramme.MaxText);
            e.Property(p => p.Risks).HasMaxLength(GemeenteProgramme.MaxText);
            e.Property(p => p.UpdatedBy).HasMaxLength(256);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.Property(p => p.Budget).HasConversion(JsonConversions.List<BudgetLine>()).Metadata.SetValueComparer(JsonConversions.ListComparer<BudgetLine>());
        });
        builder.Entity<ProgrammeAction>(e =>
        {
            e.Property(a => a.GemeenteCode).HasMaxLength(6);
            e.Property(a => a.Title).HasMaxLength(ProgrammeAction.MaxTitle);
            e.Property(a => a.Description).HasMaxLength(ProgrammeAction.MaxText);
            e.Property(a => a.Pillar).HasMaxLength(8);
            e.Property(a => a.Phase).HasMaxLength(40);
            e.Property(a => a.MeasureCode).HasMaxLength(80);
            e.Property(a => a.GapKind).HasMaxLength(40);
            e.Property(a => a.GapReference).HasMaxLength(80);
            e.Property(a => a.GapDescription).HasMaxLength(2000);
            e.Property(a => a.OwnerDepartment).HasMaxLength(ProgrammeAction.MaxName);
            e.Property(a => a.OwnerPerson).HasMaxLength(ProgrammeAction.MaxName);
            e.Property(a => a.Status).HasMaxLength(20);
            e.Property(a => a.CreatedBy).HasMaxLength(256);
            e.Property(a => a.UpdatedBy).HasMaxLength(256);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Property(a => a.Raci).HasConversion(JsonConversions.List<RaciEntry>()).Metadata.SetValueComparer(JsonConversions.ListComparer<RaciEntry>());
            e.Property(a => a.Partners).HasConversion(JsonConversions.List<string>()).Metadata.SetValueComparer(JsonConversions.ListComparer<string>());
            e.Property(a => a.Dependencies).HasConversion(JsonConversions.List<ActionDependency>()).Metadata.SetValueComparer(JsonConversions.ListComparer<ActionDependency>());
            e.Property(a => a.Milestones).HasConversion(JsonConversions.List<ActionMilestone>()).Metadata.SetValueComparer(JsonConversions.ListComparer<ActionMilestone>());
            e.Ignore(a => a.Label);
            e.HasIndex(a => new { a.GemeenteCode, a.Number }).IsUnique();
            e.HasIndex(a => new { a.GemeenteCode, a.Deadline });
        });
        builder.Entity<ActionStatusUpdate>(e =>
        {
            e.ToTable("ProgrammeActionUpdates");
            e.Property(u => u.GemeenteCode).HasMaxLength(6);
            e.Property(u => u.Status).HasMaxLength(20);
            e.Property(u => u.Note).HasMaxLength(ActionStatusUpdate.MaxText);
            e.Property(u => u.Evidence).HasMaxLength(ActionStatusUpdate.MaxText);
            e.Property(u => u.RecordedBy).HasMaxLength(256);
            e.HasOne<ProgrammeAction>().WithMany().HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(u => new { u.GemeenteCode, u.ActionId, u.Date });
        });
        builder.Entity<PartnerAgreement>(e =>
        {
            e.Property(a => a.GemeenteCode).HasMaxLength(6);
            e.Property(a => a.Partner).HasMaxLength(PartnerAgreement.MaxName);
            e.Property(a => a.Subject).HasMaxLength(PartnerAgreement.MaxText);
            e.Property(a => a.Contact).HasMaxLength(PartnerAgreement.MaxName);
            e.Property(a => a.UpdatedBy).HasMaxLength(256);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Property(a => a.ActionNumbers).HasConversion(JsonConversions.List<int>()).Metadata.SetValueComparer(JsonConversions.ListComparer<int>());
            e.HasIndex(a => new { a.GemeenteCode, a.ReviewDate });
        });
        builder.Entity<ProgrammeReview>(e =>
        {
            e.Property(r => r.GemeenteCode).HasMaxLength(6);
            e.Property(r => r.Period).HasMaxLength(40);
            e.Property(r => r.Summary).HasMaxLength(ProgrammeReview.MaxText);
            e.Property(r => r.RecordedBy).HasMaxLength(256);
            e.HasIndex(r => new { r.GemeenteCode, r.Number }).IsUnique();
        });
        builder.Entity<CrisisContact>(e =>
        {
            e.Property(c => c.GemeenteCode).HasMaxLength(6);
            e.Property(c => c.Category).HasMaxLength(CrisisContact.MaxCategory);
            e.Property(c => c.Organisation).HasMaxLength(CrisisContact.MaxName);
            e.Property(c => c.Name).HasMaxLength(CrisisContact.MaxName);
            e.Property(c => c.Phone).HasMaxLength(CrisisContact.MaxPhone);
            e.Property(c => c.Email).HasMaxLength(CrisisContact.MaxEmail);
            e.Property(c => c.Available).HasMaxLength(CrisisContact.MaxShort);
            e.Property(c => c.C2000).HasMaxLength(CrisisContact.MaxShort);
            e.Property(c => c.Satellite).HasMaxLength(CrisisContact.MaxPhone);
            e.Property(c => c.Radio).HasMaxLength(CrisisContact.MaxShort);
            e.Property(c => c.OtherMeans).HasMaxLength(CrisisContact.MaxOther);
            e.Property(c => c.Notes).HasMaxLength(CrisisContact.MaxNotes);
            e.Property(c => c.UpdatedBy).HasMaxLength(256);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => c.GemeenteCode);
        });
        builder.Entity<CrisisPack>(e =>
        {
            e.Property(p => p.GemeenteCode).HasMaxLength(6);
            e.Property(p => p.Sha256).HasMaxLength(64);
            e.Property(p => p.CreatedBy).HasMaxLength(256);
            e.Property(p => p.Sections).HasConversion(JsonConversions.Answers()).Metadata.SetValueComparer(JsonConversions.AnswersComparer());
            e.HasIndex(p => new { p.GemeenteCode, p.NoodsteunpuntId, p.WithRegister, p.Number }).IsUnique();
        });
        builder.Entity<PackHandout>(e =>
        {
            e.Property(h => h.GemeenteCode).HasMaxLength(6);
            e.Property(h => h.RecipientName).HasMaxLength(PackHandout.MaxName);
            e.Property(h => h.RecipientRole).HasMaxLength(PackHandout.MaxName);
            e.Property(h => h.Note).HasMaxLength(PackHandout.MaxNote);
            e.Property(h => h.RecordedBy).HasMaxLength(256);
            e.Property(h => h.ReturnedBy).HasMaxLength(256);
            e.HasOne<CrisisPack>().WithMany().HasForeignKey(h => h.PackId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(h => new { h.GemeenteCode, h.NoodsteunpuntId, h.WithRegister });
        });
        builder.Entity<PackReprintSchedule>(e =>
        {
            e.HasKey(s => s.GemeenteCode);
            e.Property(s => s.GemeenteCode).HasMaxLength(6);
            e.Property(s => s.ReminderEmail).HasMaxLength(PackReprintSchedule.MaxEmail);
            e.Property(s => s.UpdatedBy).HasMaxLength(256);
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        builder.Entity<CrisisKitArchive>(e =>
        {
            e.Property(a => a.GemeenteCode).HasMaxLength(6);
            e.Property(a => a.FileName).HasMaxLength(200);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.HasIndex(a => a.JobId).IsUnique();
            e.HasIndex(a => new { a.GemeenteCode, a.CreatedAt });
        });

        // Not ITenantOwned (a national job has no gemeente): callers check access with JobAccess.
        builder.Entity<BackgroundJob>(e =>
        {
            e.ToTable("BackgroundJobs");
            e.Property(j => j.Kind).HasMaxLength(BackgroundJob.MaxKind);
            e.Property(j => j.GemeenteCode).HasMaxLength(6);
            e.Property(j => j.Status).HasMaxLength(20);
            e.Property(j => j.ProgressText).HasMaxLength(BackgroundJob.MaxProgressText);
            e.Property(j => j.Error).HasMaxLength(BackgroundJob.MaxError);
            e.Property(j => j.RequestedBy).HasMaxLength(256);
            e.Property(j => j.ClaimedBy).HasMaxLength(200);
            e.Ignore(j => j.IsFinished);
            e.HasIndex(j => new { j.Status, j.CreatedAt });
            e.HasIndex(j => new { j.GemeenteCode, j.Kind, j.CreatedAt });
        });

        ApplyTenantFilters(builder);
    }

    private void ApplyTenantFilters(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (!typeof(ITenantOwned).IsAssignableFrom(entity.ClrType))
            {
                continue;
            }
            var filter = typeof(IGemeenteLocal).IsAssignableFrom(entity.ClrType) ? nameof(LocalFilter) : nameof(TenantFilter);
            var method = typeof(AppDbContext).GetMethod(filter, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType);
            builder.Entity(entity.ClrType).HasQueryFilter((LambdaExpression)method.Invoke(this, null)!);
        }
    }

    // EF parameterises _tenant per query, so one model serves every user.
    private Expression<Func<T, bool>> TenantFilter<T>() where T : ITenantOwned
        => e => Tenant.AllGemeenten || Tenant.GemeenteCodes.Contains(e.GemeenteCode);

    private Expression<Func<T, bool>> LocalFilter<T>() where T : IGemeenteLocal
        => e => Tenant.LocalGemeenteCodes.Contains(e.GemeenteCode);
}
