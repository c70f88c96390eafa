using CivilAffairs.Core.Divisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivilAffairs.Core.Data.Configurations;

internal sealed class DivisionConfiguration : IEntityTypeConfiguration<Division>
{
    public void Configure(EntityTypeBuilder<Division> builder)
    {
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(Division.CodeMaxLength);
        builder.Property(d => d.Name).HasMaxLength(50).IsRequired();
        builder.Property(d => d.ParentCode).HasMaxLength(Division.CodeMaxLength);
        builder.HasIndex(d => d.ParentCode);
        builder.HasOne<Division>().WithMany().HasForeignKey(d => d.ParentCode).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(d => d.Level);
        builder.Ignore(d => d.IsTownshipLevel);
    }
}
