namespace NewsroomCms.Web.Features.Feeds;

/// <summary>Strings of the RSS feeds (always Vietnamese: the feeds are).</summary>
public sealed class FeedsResource;
