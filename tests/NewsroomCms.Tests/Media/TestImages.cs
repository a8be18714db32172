using System.Buffers.Binary;
using System.Text;
using NetVips;

namespace NewsroomCms.Tests.Media;

/// <summary>Images made in code: a top half red and a bottom half blue, so a turned image shows.</summary>
public static class TestImages
{
    public const string CameraMake = "BaoTinhCam";
    public const string XmpMarker = "toa-soan-xmp-marker";

    public static readonly double[] Red = [255, 0, 0];
    public static readonly double[] Blue = [0, 0, 255];

    public static Image TwoColour(int width, int height, bool alpha = false)
    {
        using var coordinates = Image.Xyz(width, height);
        using var top = coordinates[1] < height / 2;
        using var colours = top.Ifthenelse(Red, Blue);
        using var rgb = colours.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return alpha ? rgb.Bandjoin(255) : rgb.Copy();
    }

    public static byte[] Jpeg(int width, int height)
    {
        using var image = TwoColour(width, height);
        return image.JpegsaveBuffer(q: 90);
    }

    public static byte[] Png(int width, int height)
    {
        using var image = TwoColour(width, height, alpha: true);
        return image.PngsaveBuffer();
    }

    public static byte[] WebP(int width, int height)
    {
        using var image = TwoColour(width, height);
        return image.WebpsaveBuffer();
    }

    public static byte[] Gif(int width, int height)
    {
        using var image = TwoColour(width, height);
        return image.GifsaveBuffer();
    }

    /// <summary>
    /// A JPEG as a phone writes it: EXIF with the camera make, an orientation and the GPS position of
    /// the newsroom (21.03 N, 105.85 E), and an XMP packet.
    /// </summary>
    public static byte[] PhoneJpeg(int width, int height, int orientation = 1)
    {
        var jpeg = Jpeg(width, height);
        var exif = Segment(0xE1, [.. "Exif\0\0"u8, .. Tiff(orientation)]);
        var xmp = Segment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.UTF8.GetBytes(
            $"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" +
            $"<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" dc:source=\"{XmpMarker}\"/></rdf:RDF></x:xmpmeta>")]);
        // Right after the start-of-image marker, where cameras put them.
        return [.. jpeg[..2], .. exif, .. xmp, .. jpeg[2..]];
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }

    /// <summary>A little-endian TIFF structure: IFD0 (Make, Orientation, GPS pointer) and a GPS IFD.</summary>
    private static byte[] Tiff(int orientation)
    {
        const int ifd0 = 8, make = ifd0 + 2 + (3 * 12) + 4, gpsIfd = make + 12, latitude = gpsIfd + 2 + (4 * 12) + 4, longitude = latitude + 24;
        var tiff = new byte[longitude + 24];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), ifd0);

        var at = ifd0;
        void Count(int n)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), (ushort)n);
            at += 2;
        }

        void Entry(ushort tag, ushort type, uint count, uint value)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
            BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), type);
            BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 4), count);
            BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 8), value);
            at += 12;
        }

        const ushort ascii = 2, @short = 3, @long = 4, rational = 5;
        Count(3);
        Entry(0x010F, ascii, (uint)CameraMake.Length + 1, make);
        Entry(0x0112, @short, 1, (uint)orientation);
        Entry(0x8825, @long, 1, gpsIfd);
        at += 4; // no next IFD
        Encoding.ASCII.GetBytes(CameraMake).CopyTo(tiff, make);

        at = gpsIfd;
        Count(4);
        Entry(0x0001, ascii, 2, 'N');
        Entry(0x0002, rational, 3, latitude);
        Entry(0x0003, ascii, 2, 'E');
        Entry(0x0004, rational, 3, longitude);
        WriteDegrees(tiff.AsSpan(latitude), 21, 1, 48);
        WriteDegrees(tiff.AsSpan(longitude), 105, 51, 0);
        return tiff;
    }

    private static void WriteDegrees(Span<byte> target, uint degrees, uint minutes, uint seconds)
    {
        uint[] values = [degrees, 1, minutes, 1, seconds, 1];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(target[(i * 4)..], values[i]);
        }
    }
}
