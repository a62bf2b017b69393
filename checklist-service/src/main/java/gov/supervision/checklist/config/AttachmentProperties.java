package gov.supervision.checklist.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Evidence files ({@code supervision.attachments}).
 *
 * @param maxFileSize the largest file accepted (20 MiB); a larger one is 413. The multipart limits
 *     ({@code spring.servlet.multipart.*}, {@code supervision.web.max-upload}) follow it with
 *     {@code max-request-size}.
 * @param maxRequestSize the largest upload request: the file plus the multipart framing (21 MiB)
 */
@ConfigurationProperties("supervision.attachments")
public record AttachmentProperties(
    @DefaultValue("20MB") DataSize maxFileSize, @DefaultValue("21MB") DataSize maxRequestSize) {}
