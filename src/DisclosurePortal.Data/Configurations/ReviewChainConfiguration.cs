using DisclosurePortal.Domain.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

internal sealed class ReviewChainConfiguration : IEntityTypeConfiguration<ReviewChain>
{
    public void Configure(EntityTypeBuilder<ReviewChain> b)
    {
        b.ToTable("ReviewChains");
        // One row with a fixed key (absent until an administrator saves: the default chain applies).
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.LeaderKindCodes).HasMaxLength(100);
        b.Property(x => x.UpdatedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Settings);
        b.Ignore(x => x.LeaderKinds);
    }
}
