package com.upcoach.identity.mfa;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QrCodesTests {

	private static final String URI = "otpauth://totp/UpCoach:zo%C3%AB%40example.com?secret=JBSWY3DPEHPK3PXP"
			+ "&issuer=UpCoach&algorithm=SHA1&digits=6&period=30";

	private final QrCodes qrCodes = new QrCodes();

	@Test
	void shouldRenderAPngThatScansBackToTheContent() throws Exception {
		BufferedImage image = read(this.qrCodes.png(URI, 300));
		assertThat(image.getWidth()).isEqualTo(300);
		assertThat(image.getHeight()).isEqualTo(300);
		assertThat(scan(image)).isEqualTo(URI);
	}

	@Test
	void shouldKeepTextBeyondAsciiIntact() throws Exception {
		String content = "Zoë's coach ✓ 東京";
		assertThat(scan(read(this.qrCodes.png(content, 200)))).isEqualTo(content);
	}

	@Test
	void shouldEmbedTheImageInADataUri() throws Exception {
		String dataUri = this.qrCodes.dataUri(URI);
		assertThat(dataUri).startsWith("data:image/png;base64,");
		byte[] png = Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()));
		assertThat(scan(read(png))).isEqualTo(URI);
	}

	@Test
	void shouldRefuseASizeThatIsNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.qrCodes.png(URI, 0));
	}

	@Test
	void shouldRefuseContentTooLongForAQrCode() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.qrCodes.png("x".repeat(5000), 300))
			.withMessageContaining("QR code");
	}

	private static BufferedImage read(byte[] png) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image).as("a PNG image").isNotNull();
		return image;
	}

	private static String scan(BufferedImage image) throws NotFoundException, ChecksumException, FormatException {
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
		return new QRCodeReader().decode(bitmap).getText();
	}

}
