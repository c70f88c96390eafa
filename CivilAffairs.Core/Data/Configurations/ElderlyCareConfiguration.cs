using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivilAffairs.Core.Data.Configurations;

internal sealed class CareFacilityConfiguration : IEntityTypeConfiguration<CareFacility>
{
    public void Configure(EntityTypeBuilder<CareFacility> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(CareFacility.NameMaxLength).IsRequired();
        builder.Property(f => f.Operator).HasMaxLength(CareFacility.OperatorMaxLength);
        builder.Property(f => f.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne<Division>().WithMany().HasForeignKey(f => f.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        // Lists filter by division, kind and status; the indicators read every column they need from
        // this index too (counts, beds, investment per division), never the table rows.
        builder.HasIndex(f => new
            {
                f.DivisionCode, f.Kind, f.Status, f.OpenedOn, f.HasMedicalService, f.LivelihoodProjectYear,
                f.TotalBeds, f.NursingBeds, f.InvestmentYear, f.Investment,
            })
            .HasDatabaseName("IX_CareFacilities_DivisionCode_Kind_Status_Indicators");
        builder.HasIndex(f => f.Name);
        builder.ToTable(t => t.HasCheckConstraint("CK_CareFacility_Beds", "NursingBeds <= TotalBeds AND OccupiedBeds <= TotalBeds AND NursingBeds >= 0 AND OccupiedBeds >= 0"));
    }
}

internal sealed class ElderlyPersonConfiguration : IEntityTypeConfiguration<ElderlyPerson>
{
    public void Configure(EntityTypeBuilder<ElderlyPerson> builder)
    {
        builder.Property(e => e.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasOne(e => e.Person).WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Facility).WithMany().HasForeignKey(e => e.FacilityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.PersonId).IsUnique();
        builder.HasIndex(e => e.DivisionCode);
    }
}

internal sealed class HighAgeAllowanceStandardConfiguration : IEntityTypeConfiguration<HighAgeAllowanceStandard>
{
    public void Configure(EntityTypeBuilder<HighAgeAllowanceStandard> builder)
    {
        builder.HasIndex(s => new { s.MinAge, s.EffectiveFrom }).IsUnique();
    }
}

internal sealed class HighAgeAllowancePaymentConfiguration : IEntityTypeConfiguration<HighAgeAllowancePayment>
{
    public void Configure(EntityTypeBuilder<HighAgeAllowancePayment> builder)
    {
        builder.Property(p => p.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.Property(p => p.Note).HasMaxLength(200);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        // One payment per person and month: the batch is idempotent even under a race.
        builder.HasIndex(p => new { p.PersonId, p.Period }).IsUnique();
        builder.HasIndex(p => new { p.Period, p.DivisionCode, p.Status });
    }
}

internal sealed class AllowanceMonthlyTotalConfiguration : IEntityTypeConfiguration<AllowanceMonthlyTotal>
{
    public void Configure(EntityTypeBuilder<AllowanceMonthlyTotal> builder)
    {
        builder.HasKey(t => new { t.Period, t.DivisionCode });
        builder.Property(t => t.DivisionCode).HasMaxLength(Division.CodeMaxLength);

        // Indicators read a division's months (with both figures) from here: a seek per division.
        builder.HasIndex(t => new { t.DivisionCode, t.Period, t.Payments, t.PaidAmount });
    }
}

internal sealed class OpeningBalanceConfiguration : IEntityTypeConfiguration<OpeningBalance>
{
    public void Configure(EntityTypeBuilder<OpeningBalance> builder)
    {
        builder.Property(b => b.IndicatorCode).HasMaxLength(40).IsRequired();
        builder.Property(b => b.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasIndex(b => new { b.IndicatorCode, b.DivisionCode }).IsUnique();
    }
}

internal sealed class CareVisitConfiguration : IEntityTypeConfiguration<CareVisit>
{
    public void Configure(EntityTypeBuilder<CareVisit> builder)
    {
        builder.Property(v => v.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.Property(v => v.Visitor).HasMaxLength(50).IsRequired();
        builder.Property(v => v.Findings).HasMaxLength(500);
        builder.HasOne(v => v.ElderlyPerson).WithMany().HasForeignKey(v => v.ElderlyPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.DivisionCode, v.VisitedOn });
    }
}

internal sealed class HomeAdaptationConfiguration : IEntityTypeConfiguration<HomeAdaptation>
{
    public void Configure(EntityTypeBuilder<HomeAdaptation> builder)
    {
        builder.Property(a => a.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.Property(a => a.Items).HasMaxLength(300).IsRequired();
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.DivisionCode, a.CompletedOn });
    }
}

internal sealed class CaregiverTrainingConfiguration : IEntityTypeConfiguration<CaregiverTraining>
{
    public void Configure(EntityTypeBuilder<CaregiverTraining> builder)
    {
        builder.Property(t => t.Title).HasMaxLength(100).IsRequired();
        builder.Property(t => t.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.HasIndex(t => new { t.DivisionCode, t.HeldOn });
    }
}

internal sealed class CareFacilityStatusChangeConfiguration : IEntityTypeConfiguration<CareFacilityStatusChange>
{
    public void Configure(EntityTypeBuilder<CareFacilityStatusChange> builder)
    {
        builder.Property(c => c.DivisionCode).HasMaxLength(Division.CodeMaxLength).IsRequired();
        builder.Property(c => c.Note).HasMaxLength(CareFacilityStatusChange.NoteMaxLength);
        builder.HasOne(c => c.Facility).WithMany().HasForeignKey(c => c.FacilityId).OnDelete(DeleteBehavior.Cascade);
        // The operating predicate reads a facility's changes up to a day.
        builder.HasIndex(c => new { c.FacilityId, c.EffectiveOn });
        builder.HasIndex(c => c.DivisionCode);
    }
}
