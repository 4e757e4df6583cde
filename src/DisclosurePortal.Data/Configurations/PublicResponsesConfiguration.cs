using DisclosurePortal.Domain.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

/// <summary>
/// The columns of a version that only 回应关切 and 新闻发布会 fill (issue 19), kept apart from
/// PublishingConfiguration's so that the two parts of the version's mapping can be read on their own.
/// </summary>
internal sealed class RecordVersionPublicResponseConfiguration : IEntityTypeConfiguration<RecordVersion>
{
    public void Configure(EntityTypeBuilder<RecordVersion> b)
    {
        b.Property(x => x.ConcernSummary).HasMaxLength(PublicResponses.MaxSummaryLength);
        b.Property(x => x.ConferencePlace).HasMaxLength(PublicResponses.MaxPlaceLength);
        b.Property(x => x.Speakers).HasMaxLength(PublicResponses.MaxSpeakersLength);
        // The columns /responses and /press-conferences: one kind's published versions, newest first (as the listing indexes).
        b.HasIndex(x => new { x.Kind, x.PublishedOn, x.Id }).HasFilter("\"IsPublished\"").HasDatabaseName("IX_RecordVersions_Published_Kind");
    }
}
