package dev.woes.definition.web;

/**
 * The shapes definition fields share: tones, colors and ranks.
 */
final class Shapes {

	static final String TONES = "neutral|info|success|warning|danger";

	static final String TONES_SENTENCE = "must be one of neutral, info, success, warning, danger";

	static final String COLOR = "#[0-9A-Fa-f]{6}";

	static final String COLOR_SENTENCE = "must be a hex color like #2563EB";

	static final int MAX_RANK = 10000;

	private Shapes() {
	}

}
