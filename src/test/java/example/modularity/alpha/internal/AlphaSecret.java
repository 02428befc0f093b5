package example.modularity.alpha.internal;

public class AlphaSecret {

}
