package example.modularity.beta;

import example.modularity.alpha.internal.AlphaSecret;

public class BetaService {

	AlphaSecret secret = new AlphaSecret();

}
