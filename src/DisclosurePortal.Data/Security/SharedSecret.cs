using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Security;

/// <summary>
/// A secret every node of a cluster must share (issue 24): a blind-index key (<see cref="PersonalData"/>,
/// <see cref="RaterAddresses"/>), stored as Data Protection protects it, under its name. The first node to need it makes
/// it; the others read the winner's.
/// </summary>
public sealed class SharedSecret
{
    private SharedSecret() { }

    public SharedSecret(string name, string protectedValue) => (Name, ProtectedValue) = (name, protectedValue);

    public string Name { get; private set; } = "";

    /// <summary>Base64 of the Data-Protection-protected bytes.</summary>
    public string ProtectedValue { get; private set; } = "";
}

internal sealed class SharedSecretConfiguration : IEntityTypeConfiguration<SharedSecret>
{
    public void Configure(EntityTypeBuilder<SharedSecret> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.ProtectedValue).HasMaxLength(4000);
    }
}
