package dev.woes.shared;

/**
 * A setting or a state of the machine that keeps the server from starting: the server
 * stops with the problem and what to do about it, in a sentence each, instead of a stack
 * trace.
 */
public abstract class StartupRefused extends IllegalStateException {

	private final String action;

	/**
	 * @param problem what is wrong
	 * @param action what to do about it
	 */
	protected StartupRefused(String problem, String action) {
		super(problem);
		this.action = action;
	}

	public String action() {
		return this.action;
	}

}
