using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Ratings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> b)
    {
        b.ToTable("Ratings");
        b.Property(x => x.Comment).HasMaxLength(Rating.MaxCommentLength);
        b.Property(x => x.HeldFor).HasMaxLength(1000);
        b.Property(x => x.HiddenReason).HasMaxLength(Rating.MaxReasonLength);
        b.Property(x => x.ModeratedBy).HasMaxLength(100);
        b.Property(x => x.AddressHash).HasMaxLength(Rating.AddressHashLength);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        // One record rating per address per day, also under two simultaneous posts (AddressHash is null for the
        // applicant's and the writer's ratings, which the handlers keep to one per target).
        b.HasIndex(x => new { x.TargetKind, x.TargetId, x.RatedOn, x.AddressHash }).IsUnique();
        // The counts per unit and period (statistics, 考核) and the staff lists.
        b.HasIndex(x => new { x.UnitId, x.RatedOn });
        b.HasIndex(x => new { x.CommentState, x.RatedAt });
    }
}
