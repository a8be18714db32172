using System.Globalization;
using Microsoft.Extensions.Localization;

namespace NewsroomCms.Web.Features.Media;

/// <summary>Strings of photo uploads.</summary>
public sealed class MediaResource;

public static class MediaMessages
{
    public static string TooLarge(this IStringLocalizer<MediaResource> text, long maxBytes) =>
        text["The file is too large: a photo can be at most {0}.", FileSize(maxBytes)];

    public static string Rejected(this IStringLocalizer<MediaResource> text, ImageRejectedException rejection, int maxMegapixels) => rejection.Problem switch
    {
        ImageProblem.Heic => text["HEIC photos (the iPhone default) are not supported. Share or export the photo as JPEG, or set the camera to “Most Compatible”."],
        ImageProblem.UnsupportedType => text["This type of image is not supported. Upload a JPEG, PNG, WebP or GIF photo."],
        ImageProblem.TooManyPixels => text["The image has too many pixels ({0} megapixels; the limit is {1}). Export it smaller and upload it again.",
            rejection.Megapixels.ToString("0.#", CultureInfo.CurrentCulture), maxMegapixels],
        ImageProblem.Unreadable => text["The image cannot be read: the file is damaged or incomplete."],
        _ => text["The file is not an image. Upload a JPEG, PNG, WebP or GIF photo."],
    };

    private static string FileSize(long bytes) => bytes >= 1024 * 1024
        ? string.Format(CultureInfo.CurrentCulture, "{0:0.#} MB", bytes / (1024.0 * 1024.0))
        : string.Format(CultureInfo.CurrentCulture, "{0} KB", Math.Max(1, bytes / 1024));
}
