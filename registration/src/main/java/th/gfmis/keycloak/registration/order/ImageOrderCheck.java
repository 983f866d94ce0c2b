package th.gfmis.keycloak.registration.order;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes a JPEG or PNG completely, so that a damaged or disguised file is refused, while keeping
 * memory small: the pixels are read subsampled to about {@value #PREVIEW_SIDE} pixels a side, and
 * an image declaring more than {@value #MAX_SIDE} pixels a side is refused before decoding.
 */
final class ImageOrderCheck {

  static final int MAX_SIDE = 20_000;
  private static final int PREVIEW_SIDE = 512;

  private ImageOrderCheck() {}

  static Optional<String> problem(byte[] content, OrderFileType type) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.contentType());
    if (!readers.hasNext()) {
      return Optional.of(OrderRefusals.UNREADABLE);
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      AtomicBoolean damaged = new AtomicBoolean();
      reader.addIIOReadWarningListener((source, warning) -> damaged.set(true));
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
        return Optional.of(OrderRefusals.UNREADABLE);
      }
      ImageReadParam param = reader.getDefaultReadParam();
      int step = Math.max(1, Math.max(width, height) / PREVIEW_SIDE);
      param.setSourceSubsampling(step, step, 0, 0);
      reader.read(0, param);
      return damaged.get() ? Optional.of(OrderRefusals.UNREADABLE) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(OrderRefusals.UNREADABLE);
    } finally {
      reader.dispose();
    }
  }
}
