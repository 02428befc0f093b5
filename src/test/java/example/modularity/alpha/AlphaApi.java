package example.modularity.alpha;

public class AlphaApi {

}
